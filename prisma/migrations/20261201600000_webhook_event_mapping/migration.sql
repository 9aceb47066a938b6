-- Which audit actions raise which webhook event, for every kind of resource that has events: documents
-- (posts and pages; a restored revision counts as an update), tags, the media library and the site
-- settings. One complete mapping, so a later kind is one more line here (in a new migration).
CREATE OR REPLACE FUNCTION webhook_event_for_action(p_action text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT CASE
    WHEN p_action IN ('post.restored', 'page.restored') THEN split_part(p_action, '.', 1) || '.updated'
    WHEN p_action IN (
      'post.published', 'post.updated', 'post.unpublished', 'post.deleted',
      'page.published', 'page.updated', 'page.unpublished', 'page.deleted',
      'tag.created', 'tag.updated', 'tag.deleted',
      'media.created', 'media.updated', 'media.deleted',
      'settings.updated'
    ) THEN p_action
  END;
$$;
