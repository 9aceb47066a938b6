-- Related posts, precomputed at write time so that reading them is one indexed query.
-- score = Σ idf(shared tag)           (a shared rare tag counts more than a shared common one)
--       + 2 × trigram similarity of title + excerpt
--       + a light recency term        (newer candidates win close calls)
-- Ties are broken by id, so the order is deterministic. Only published posts are candidates;
-- readers still filter on publication time.

CREATE OR REPLACE FUNCTION refresh_related_posts(p_post_id uuid, p_k integer DEFAULT 10)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  DELETE FROM related_posts WHERE post_id = p_post_id;

  INSERT INTO related_posts (post_id, related_post_id, rank, score)
  WITH published AS (
    SELECT id, title, excerpt, published_at FROM posts WHERE status = 'PUBLISHED' AND id <> p_post_id
  ),
  corpus AS (
    SELECT greatest(count(*), 1)::float8 AS total FROM posts WHERE status = 'PUBLISHED'
  ),
  doc_freq AS (
    SELECT pt.tag_id, count(*)::float8 AS df
    FROM post_tags pt JOIN posts p ON p.id = pt.post_id AND p.status = 'PUBLISHED'
    GROUP BY pt.tag_id
  ),
  tag_score AS (
    SELECT pt.post_id AS candidate, sum(ln(1 + corpus.total / greatest(doc_freq.df, 1))) AS score
    FROM post_tags mine
    JOIN post_tags pt ON pt.tag_id = mine.tag_id AND pt.post_id <> p_post_id
    LEFT JOIN doc_freq ON doc_freq.tag_id = mine.tag_id
    CROSS JOIN corpus
    WHERE mine.post_id = p_post_id
    GROUP BY pt.post_id
  ),
  me AS (
    SELECT title || ' ' || excerpt AS text FROM posts WHERE id = p_post_id
  ),
  scored AS (
    SELECT c.id,
           coalesce(ts.score, 0)
           + 2.0 * similarity(c.title || ' ' || c.excerpt, me.text)
           + 0.25 / (1 + greatest(extract(epoch FROM now() - coalesce(c.published_at, now())), 0) / 86400.0 / 365.0)
             AS score
    FROM published c
    CROSS JOIN me
    LEFT JOIN tag_score ts ON ts.candidate = c.id
  )
  SELECT p_post_id, id, row_number() OVER (ORDER BY score DESC, id), score
  FROM scored
  ORDER BY score DESC, id
  LIMIT p_k;
END;
$$;

-- After a post (or its tags, or its status) changed: its own list, and the lists it may now enter
-- or leave (posts sharing one of its tags, and posts that currently list it).
CREATE OR REPLACE FUNCTION refresh_related_posts_around(p_post_id uuid)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  affected uuid;
BEGIN
  FOR affected IN
    SELECT p_post_id
    UNION
    SELECT other.post_id FROM post_tags mine JOIN post_tags other ON other.tag_id = mine.tag_id WHERE mine.post_id = p_post_id
    UNION
    SELECT post_id FROM related_posts WHERE related_post_id = p_post_id
  LOOP
    PERFORM refresh_related_posts(affected);
  END LOOP;
END;
$$;

-- Rebuild every list (after imports or a change of the scoring).
CREATE OR REPLACE FUNCTION refresh_all_related_posts()
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  post uuid;
BEGIN
  FOR post IN SELECT id FROM posts LOOP
    PERFORM refresh_related_posts(post);
  END LOOP;
END;
$$;
