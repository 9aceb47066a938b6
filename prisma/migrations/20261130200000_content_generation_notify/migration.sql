-- The commit trigger also announces the new content generation, so every instance can keep it in
-- memory instead of reading it per request. NOTIFY is transactional: it is delivered when the
-- transaction commits (after the counter is visible), and never for one that rolls back.
CREATE OR REPLACE FUNCTION bump_content_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  next_value BIGINT;
BEGIN
  IF current_setting('byline.content_generation_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('byline.content_generation_bumped', 'on', true);
  UPDATE "content_generation" SET "value" = "value" + 1 WHERE "id" RETURNING "value" INTO next_value;
  PERFORM pg_notify('byline_content_generation', next_value::text);
  RETURN NULL;
END;
$$;
