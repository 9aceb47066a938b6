-- Media library webhook events (media.created, media.updated, media.deleted), emitted from audit rows
-- like every other event. The previous mapping is kept under another name and asked for everything
-- else, so this composes with other migrations that extend the mapping the same way.
ALTER FUNCTION webhook_event_for_action(text) RENAME TO webhook_event_for_action_before_media;

CREATE FUNCTION webhook_event_for_action(p_action text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT CASE
    WHEN p_action IN ('media.created', 'media.updated', 'media.deleted') THEN p_action
    ELSE webhook_event_for_action_before_media(p_action)
  END;
$$;
