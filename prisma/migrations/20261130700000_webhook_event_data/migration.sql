-- Webhook payloads carry what a static-site build or CDN needs, captured when the event is emitted
-- (in the writing transaction): the resource's id, slug, status and previous slug, taken from the row
-- (or, once deleted, from the audit details). The dispatcher adds URLs and the public representation.

-- What an event says about its resource; NULL for a target it does not describe.
CREATE OR REPLACE FUNCTION webhook_event_data(p_target_type text, p_target_id text, p_details jsonb)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
  v_uuid uuid;
  v_data jsonb;
BEGIN
  -- Ids of other shapes (hand-written audit rows) describe nothing; never fail the write over them.
  IF p_target_id IS NULL OR p_target_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    RETURN NULL;
  END IF;
  v_uuid := p_target_id::uuid;
  IF p_target_type = 'post' THEN
    SELECT jsonb_build_object('type', 'post', 'id', p.id, 'slug', p.slug, 'status', p.status, 'version', p.version,
                              'publishedAt', to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      INTO v_data FROM posts p WHERE p.id = v_uuid;
    IF v_data IS NULL AND p_details ? 'snapshot' THEN
      -- Deleted in this transaction: the audit row keeps what it was.
      v_data := jsonb_build_object('type', 'post', 'id', v_uuid, 'slug', p_details->'snapshot'->>'slug', 'status', 'DELETED',
                                   'version', p_details->'version', 'publishedAt', p_details->'snapshot'->'publishedAt');
    END IF;
  ELSIF p_target_type = 'tag' THEN
    SELECT jsonb_build_object('type', 'tag', 'id', t.id, 'slug', t.slug, 'name', t.name)
      INTO v_data FROM tags t WHERE t.id = v_uuid;
    IF v_data IS NULL AND p_details ? 'slug' THEN
      v_data := jsonb_build_object('type', 'tag', 'id', v_uuid, 'slug', p_details->>'slug', 'name', p_details->>'name');
    END IF;
  END IF;
  IF v_data IS NULL THEN
    RETURN NULL;
  END IF;
  -- Set by the writer when the slug changed, or (posts) when a delete removed a post in that status.
  RETURN v_data || jsonb_strip_nulls(jsonb_build_object('previousSlug', p_details->'previousSlug', 'previousStatus', p_details->'previousStatus'));
END;
$$;

-- Standard Webhooks payload shape (type, timestamp, data), keeping the fields earlier receivers read
-- (id, event, occurredAt, target, requestId).
CREATE OR REPLACE FUNCTION audit_log_enqueue_webhooks()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_event text := webhook_event_for_action(NEW.action);
  v_at text;
  v_data jsonb;
BEGIN
  IF v_event IS NULL THEN
    RETURN NULL;
  END IF;
  v_at := to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_data := coalesce(webhook_event_data(NEW.target_type, NEW.target_id, NEW.details),
                     jsonb_build_object('type', NEW.target_type, 'id', NEW.target_id));
  INSERT INTO webhook_deliveries (id, webhook_id, event, payload)
  SELECT s.id, s.webhook_id, v_event,
         jsonb_build_object(
           'id', s.id,
           'type', v_event,
           'timestamp', v_at,
           'event', v_event,
           'occurredAt', v_at,
           'target', jsonb_build_object('type', NEW.target_type, 'id', NEW.target_id),
           'requestId', NEW.request_id,
           'data', v_data)
    FROM (SELECT gen_random_uuid() AS id, w.id AS webhook_id
            FROM webhooks w
           WHERE w.active
             AND (v_event = ANY (w.events) OR split_part(v_event, '.', 1) || '.*' = ANY (w.events))) s;
  RETURN NULL;
END;
$$;
