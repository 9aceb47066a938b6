-- A counter of committed changes to public content, for the in-process response caches.
-- Every instance reads it at the start of a public request and uses it in its cache key, so a change
-- committed anywhere (API, scheduler, another instance, psql) is seen by the very next request.
CREATE TABLE "content_generation" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "content_generation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "content_generation_single_row" CHECK ("id")
);

INSERT INTO "content_generation" ("id", "value") VALUES (true, 0);

-- Runs at COMMIT (deferred constraint trigger), once per transaction: the counter row is locked
-- last, after every other row the transaction touched, so writers cannot deadlock on it, and the
-- new value becomes visible together with the data in one atomic commit.
CREATE OR REPLACE FUNCTION bump_content_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('byline.content_generation_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('byline.content_generation_bumped', 'on', true);
  UPDATE "content_generation" SET "value" = "value" + 1 WHERE "id";
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER posts_content_generation AFTER INSERT OR UPDATE OR DELETE ON "posts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
CREATE CONSTRAINT TRIGGER tags_content_generation AFTER INSERT OR UPDATE OR DELETE ON "tags"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
CREATE CONSTRAINT TRIGGER authors_content_generation AFTER INSERT OR UPDATE OR DELETE ON "authors"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
CREATE CONSTRAINT TRIGGER post_tags_content_generation AFTER INSERT OR UPDATE OR DELETE ON "post_tags"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
CREATE CONSTRAINT TRIGGER post_authors_content_generation AFTER INSERT OR UPDATE OR DELETE ON "post_authors"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
CREATE CONSTRAINT TRIGGER post_slug_history_content_generation AFTER INSERT OR UPDATE OR DELETE ON "post_slug_history"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
CREATE CONSTRAINT TRIGGER related_posts_content_generation AFTER INSERT OR UPDATE OR DELETE ON "related_posts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();
