-- Full-text document of a post: title (A), excerpt and tag names (B), plain-text body (C), 'english'.
-- Kept as a trigger-maintained column rather than a generated one: it reads tag names from another
-- table, and Prisma's schema engine cannot represent generated columns (see README, "Search").

CREATE OR REPLACE FUNCTION post_search_document(p_post_id uuid, p_title text, p_excerpt text, p_plaintext text)
RETURNS tsvector
LANGUAGE sql
STABLE
AS $$
  SELECT setweight(to_tsvector('english', coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('english', coalesce(p_excerpt, '')), 'B')
      || setweight(to_tsvector('english', coalesce(
           (SELECT string_agg(t.name, ' ' ORDER BY pt.position)
              FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
             WHERE pt.post_id = p_post_id), '')), 'B')
      || setweight(to_tsvector('english', coalesce(p_plaintext, '')), 'C');
$$;

-- Posts: recompute when the searchable text changes (tag links are handled below).
CREATE OR REPLACE FUNCTION posts_search_vector_refresh()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.search_vector := post_search_document(NEW.id, NEW.title, NEW.excerpt, NEW.plaintext);
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS posts_search_vector_insert ON posts;
CREATE TRIGGER posts_search_vector_insert
  BEFORE INSERT ON posts
  FOR EACH ROW EXECUTE FUNCTION posts_search_vector_refresh();

DROP TRIGGER IF EXISTS posts_search_vector_update ON posts;
CREATE TRIGGER posts_search_vector_update
  BEFORE UPDATE OF title, excerpt, plaintext ON posts
  FOR EACH ROW EXECUTE FUNCTION posts_search_vector_refresh();

-- Tag links: one UPDATE per statement, whatever the number of linked rows.
CREATE OR REPLACE FUNCTION post_tags_search_vector_refresh()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE posts p
     SET search_vector = post_search_document(p.id, p.title, p.excerpt, p.plaintext)
   WHERE p.id IN (SELECT post_id FROM changed_links);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS post_tags_search_vector_insert ON post_tags;
CREATE TRIGGER post_tags_search_vector_insert
  AFTER INSERT ON post_tags
  REFERENCING NEW TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION post_tags_search_vector_refresh();

DROP TRIGGER IF EXISTS post_tags_search_vector_delete ON post_tags;
CREATE TRIGGER post_tags_search_vector_delete
  AFTER DELETE ON post_tags
  REFERENCING OLD TABLE AS changed_links
  FOR EACH STATEMENT EXECUTE FUNCTION post_tags_search_vector_refresh();

-- A renamed tag changes the document of every post that carries it.
CREATE OR REPLACE FUNCTION tags_search_vector_refresh()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE posts p
     SET search_vector = post_search_document(p.id, p.title, p.excerpt, p.plaintext)
   WHERE p.id IN (SELECT post_id FROM post_tags WHERE tag_id = NEW.id);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS tags_search_vector_rename ON tags;
CREATE TRIGGER tags_search_vector_rename
  AFTER UPDATE OF name ON tags
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION tags_search_vector_refresh();

-- Backfill rows written before this migration.
UPDATE posts p SET search_vector = post_search_document(p.id, p.title, p.excerpt, p.plaintext);
