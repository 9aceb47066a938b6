-- Related posts, maintained incrementally after commit instead of inside every write.
--
-- A post write only records the post in related_refresh_queue (in its own transaction, no global lock).
-- The background refresh (src/modules/related-content/related-refresh.worker.ts) claims due rows with
-- FOR UPDATE SKIP LOCKED and runs refresh_related_around() for each: the post's own top-k list from a
-- bounded candidate set, then the lists of those candidates that the post now enters, leaves or moves in.
-- Nothing here scans every post.
--
-- score(source → candidate) = Σ ln(1 + N / df) over shared tags      (df: posts carrying the tag)
--                           + 2 × trigram similarity of title + excerpt
--                           + 1.5 × Σ weight(l) over the lexemes l in both posts' top terms
--                           + 0.25 / (1 + candidate's age in years)
-- Top terms: a post's 48 most prominent search lexemes, weighted by ln(N / df) over published posts and
-- normalised to sum 1 (related_terms). Ties are broken by id.

CREATE TABLE "related_refresh_queue" (
    "post_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "reverse" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "related_refresh_queue_pkey" PRIMARY KEY ("post_id")
);

CREATE INDEX "related_refresh_queue_due_at_idx" ON "related_refresh_queue"("due_at");

CREATE TABLE "related_terms" (
    "post_id" UUID NOT NULL,
    "lexemes" TEXT[],
    "weights" DOUBLE PRECISION[],

    CONSTRAINT "related_terms_pkey" PRIMARY KEY ("post_id")
);

-- Records posts whose lists need recomputing. A repeated write bumps the version, so a refresh that
-- was already running when it came is not taken for it (see the worker's completion step), and keeps
-- the earlier due time (debounce with a bounded delay). Rows are locked in id order against deadlocks.
CREATE OR REPLACE FUNCTION enqueue_related_refresh(p_post_ids uuid[], p_reverse boolean, p_delay_ms integer)
RETURNS void
LANGUAGE sql
AS $$
  INSERT INTO related_refresh_queue AS q (post_id, due_at, reverse)
  SELECT DISTINCT id, now() + make_interval(secs => p_delay_ms / 1000.0), p_reverse
  FROM unnest(p_post_ids) id
  ORDER BY id
  ON CONFLICT (post_id) DO UPDATE
    SET version = q.version + 1,
        reverse = q.reverse OR EXCLUDED.reverse,
        due_at = LEAST(q.due_at, EXCLUDED.due_at);
$$;

-- Lists are written under one transaction-scoped advisory lock each, always taken in id order.
CREATE OR REPLACE FUNCTION related_lock_lists(p_post_ids uuid[])
RETURNS void
LANGUAGE sql
AS $$
  SELECT count(pg_advisory_xact_lock(hashtextextended('byline.related:' || id::text, 0)))
  FROM (SELECT DISTINCT id FROM unnest(p_post_ids) id ORDER BY id) ordered;
$$;

-- Sizes that would cost a scan to count exactly are read from the planner's statistics (kept by
-- autovacuum's ANALYZE) once a table is large; small tables are counted.
CREATE OR REPLACE FUNCTION related_published_count()
RETURNS float8
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
  v_rows float8;
  v_share float8;
BEGIN
  SELECT c.reltuples INTO v_rows FROM pg_class c WHERE c.oid = 'posts'::regclass;
  IF coalesce(v_rows, 0) >= 20000 THEN
    SELECT s.most_common_freqs[array_position(s.most_common_vals::text::text[], 'PUBLISHED')] INTO v_share
    FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = 'posts' AND s.attname = 'status';
    IF v_share IS NOT NULL THEN
      RETURN greatest(v_rows * v_share, 1);
    END IF;
  END IF;
  RETURN greatest((SELECT count(*) FROM posts WHERE status = 'PUBLISHED'), 1);
END;
$$;

-- The post's 48 most prominent lexemes (frequency, title/excerpt first), weighted by ln(N / df) and
-- normalised to sum 1. df of a common lexeme comes from the statistics of the search vector
-- (most_common_elems): counting it would visit tens of thousands of rows. Any other lexeme is rarer
-- and is counted through the GIN index: its published posts (up to 1,000) before the first ANALYZE,
-- and once statistics exist, all its posts up to 50 (no row visits for the status).
-- plpgsql rather than sql: its plans are cached per connection (planning costs more than running).
CREATE OR REPLACE FUNCTION related_terms_of(p_post_id uuid, p_total float8)
RETURNS TABLE (lexeme text, weight float8, df float8)
LANGUAGE plpgsql
STABLE
ROWS 48
SET enable_seqscan = off
AS $$
DECLARE
  v_elems text[];
  v_freqs real[];
BEGIN
  SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs INTO v_elems, v_freqs
  FROM pg_stats s
  WHERE s.schemaname = current_schema() AND s.tablename = 'posts' AND s.attname = 'search_vector';

  RETURN QUERY
  WITH top AS (
    SELECT l.lexeme AS lx
    FROM posts me, unnest(coalesce(me.search_vector, ''::tsvector)) l
    WHERE me.id = p_post_id
    ORDER BY coalesce(array_length(l.positions, 1), 1) + 3 * (l.weights && '{A,B}'::text[])::int DESC, l.lexeme
    LIMIT 48
  ),
  counted AS (
    SELECT top.lx AS lexeme, coalesce(
      v_freqs[array_position(v_elems, top.lx)] * p_total,
      CASE WHEN v_elems IS NULL THEN
        (SELECT count(*) FROM (
           SELECT 1 FROM posts p WHERE p.search_vector @@ quote_literal(top.lx)::tsquery AND p.status::text = 'PUBLISHED'
           LIMIT 1000) hits)
      ELSE
        (SELECT count(*) FROM (SELECT 1 FROM posts p WHERE p.search_vector @@ quote_literal(top.lx)::tsquery LIMIT 50) hits)
      END
    )::float8 AS df
    FROM top
  ),
  weighted AS (
    SELECT counted.lexeme, counted.df, greatest(ln(p_total / greatest(counted.df, 1)), 0) AS idf FROM counted
  )
  SELECT w.lexeme, w.idf / greatest(sum(w.idf) OVER (), 1e-9), w.df FROM weighted w;
END;
$$;

-- Number of published posts carrying each tag of a post (once post_tags is large, the statistics of
-- post_tags.tag_id, which count drafts too, for its common tags).
CREATE OR REPLACE FUNCTION related_tag_freqs(p_post_id uuid)
RETURNS TABLE (tag_id uuid, df float8)
LANGUAGE plpgsql
STABLE
ROWS 5
AS $$
DECLARE
  v_rows float8;
  v_vals text[];
  v_freqs real[];
BEGIN
  SELECT c.reltuples INTO v_rows FROM pg_class c WHERE c.oid = 'post_tags'::regclass;
  IF coalesce(v_rows, 0) >= 20000 THEN
    SELECT s.most_common_vals::text::text[], s.most_common_freqs INTO v_vals, v_freqs
    FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = 'post_tags' AND s.attname = 'tag_id';
  END IF;
  RETURN QUERY
  SELECT pt.tag_id, coalesce(
    v_freqs[array_position(v_vals, pt.tag_id::text)] * v_rows,
    (SELECT count(*) FROM post_tags x JOIN posts p ON p.id = x.post_id AND p.status = 'PUBLISHED' WHERE x.tag_id = pt.tag_id)
  )::float8
  FROM post_tags pt
  WHERE pt.post_id = p_post_id;
END;
$$;

CREATE OR REPLACE FUNCTION related_recency(p_published_at timestamptz)
RETURNS float8
LANGUAGE sql
STABLE
AS $$
  SELECT 0.25 / (1 + greatest(extract(epoch FROM now() - coalesce(p_published_at, now())), 0) / 86400.0 / 365.0);
$$;

DROP FUNCTION IF EXISTS refresh_related_posts_around(uuid);
DROP FUNCTION IF EXISTS refresh_related_posts(uuid, integer);

-- Recomputes one post's list; with p_reverse, also updates the lists of its candidates (and of the posts
-- that list it) where it now belongs, no longer belongs, or changed score. Returns how many other
-- posts' lists it changed or queued. Bounded: at most ~100 posts per tag of the post, 20 per rare
-- lexeme (8 lexemes), the k most recent posts (so small blogs fill every list), and the posts listing it.
CREATE OR REPLACE FUNCTION refresh_related_around(p_post_id uuid, p_reverse boolean DEFAULT true, p_k integer DEFAULT 10)
RETURNS integer
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
  v_published boolean;
  v_total float8;
  v_lexemes text[];
  v_weights float8[];
  v_probe text[];
  v_cands uuid[];
  v_ids uuid[];
  v_fwd float8[];
  v_rev float8[];
  v_targets uuid[];
  v_fallen uuid[];
  v_listers uuid[];
BEGIN
  SELECT status = 'PUBLISHED' INTO v_published FROM posts WHERE id = p_post_id;

  IF v_published IS NOT TRUE THEN
    -- Gone, draft or scheduled: it leaves every list, and those lists are refilled by their own refresh.
    SELECT coalesce(array_agg(post_id), '{}') INTO v_listers FROM related_posts WHERE related_post_id = p_post_id;
    PERFORM related_lock_lists(v_listers || p_post_id);
    DELETE FROM related_posts WHERE post_id = p_post_id OR related_post_id = p_post_id;
    DELETE FROM related_terms WHERE post_id = p_post_id;
    PERFORM enqueue_related_refresh(v_listers, false, 0);
    RETURN cardinality(v_listers);
  END IF;

  v_total := related_published_count();

  SELECT coalesce(array_agg(t.lexeme ORDER BY t.weight DESC, t.lexeme), '{}'),
         coalesce(array_agg(t.weight ORDER BY t.weight DESC, t.lexeme), '{}'),
         coalesce((array_agg(t.lexeme ORDER BY t.df, t.lexeme) FILTER (WHERE t.df >= 2))[1:8], '{}')
    INTO v_lexemes, v_weights, v_probe
    FROM related_terms_of(p_post_id, v_total) t;

  WITH my_tags AS (
    SELECT f.tag_id, f.df, ln(1 + v_total / greatest(f.df, 1)) AS idf FROM related_tag_freqs(p_post_id) f
  ),
  candidates AS (
    -- A rare tag: all its posts. A common one: its 100 most recent published posts, found by walking
    -- the posts newest first (about 100 × N / df index entries), not by sorting all of its posts.
    SELECT c.id FROM my_tags t CROSS JOIN LATERAL (
      SELECT x.post_id AS id FROM post_tags x WHERE t.df <= 300 AND x.tag_id = t.tag_id AND x.post_id <> p_post_id
    ) c
    UNION
    SELECT c.id FROM my_tags t CROSS JOIN LATERAL (
      SELECT p.id FROM posts p
      WHERE t.df > 300 AND p.status = 'PUBLISHED' AND p.id <> p_post_id
        AND EXISTS (SELECT 1 FROM post_tags x WHERE x.post_id = p.id AND x.tag_id = t.tag_id)
      ORDER BY p.published_at DESC, p.id DESC
      LIMIT 100
    ) c
    UNION
    SELECT c.id FROM unnest(v_probe) l(lexeme) CROSS JOIN LATERAL (
      SELECT p.id FROM posts p
      WHERE p.search_vector @@ quote_literal(l.lexeme)::tsquery AND p.status::text = 'PUBLISHED' AND p.id <> p_post_id
      LIMIT 20
    ) c
    UNION
    (SELECT p.id FROM posts p WHERE p.status = 'PUBLISHED' AND p.id <> p_post_id ORDER BY p.published_at DESC, p.id DESC LIMIT p_k)
    UNION
    SELECT r.post_id FROM related_posts r WHERE r.related_post_id = p_post_id
  )
  SELECT coalesce(array_agg(id), '{}') INTO v_cands FROM candidates;

  -- Scored in a second statement, so that the planner knows it joins a few hundred ids by key. The
  -- term overlap of every candidate, both ways, is one hash join of their top terms with the post's.
  WITH my_tags AS (
    SELECT f.tag_id, ln(1 + v_total / greatest(f.df, 1)) AS idf FROM related_tag_freqs(p_post_id) f
  ),
  mine AS (
    SELECT m.l, m.w FROM unnest(v_lexemes, v_weights) m(l, w)
  ),
  overlap AS (
    SELECT rt.post_id, sum(mine.w) AS fwd, sum(u.w) AS rev
    FROM related_terms rt
    CROSS JOIN LATERAL unnest(rt.lexemes, rt.weights) u(l, w)
    JOIN mine ON mine.l = u.l
    WHERE rt.post_id = ANY (v_cands)
    GROUP BY rt.post_id
  ),
  me AS (
    SELECT p.title || ' ' || p.excerpt AS text, related_recency(p.published_at) AS recency FROM posts p WHERE p.id = p_post_id
  ),
  scored AS (
    SELECT c.id,
           coalesce((SELECT sum(t.idf) FROM post_tags x JOIN my_tags t ON t.tag_id = x.tag_id WHERE x.post_id = c.id), 0)
             + 2.0 * similarity(p.title || ' ' || p.excerpt, me.text) AS shared,
           1.5 * coalesce(o.fwd, 0) + related_recency(p.published_at) AS fwd_own,
           1.5 * coalesce(o.rev, 0) + me.recency AS rev_own
    FROM unnest(v_cands) c(id)
    JOIN posts p ON p.id = c.id AND p.status = 'PUBLISHED'
    CROSS JOIN me
    LEFT JOIN overlap o ON o.post_id = c.id
  )
  SELECT coalesce(array_agg(id ORDER BY id), '{}'),
         coalesce(array_agg(shared + fwd_own ORDER BY id), '{}'),
         coalesce(array_agg(shared + rev_own ORDER BY id), '{}')
    INTO v_ids, v_fwd, v_rev
    FROM scored;

  IF p_reverse THEN
    -- Lists the post enters (beats the k-th, or the list is short) or is already in with another score.
    SELECT coalesce(array_agg(s.id) FILTER (WHERE CASE WHEN cur.has THEN abs(s.rev - cur.old) > 1e-4
                                                      ELSE cur.n < p_k OR s.rev > cur.kth END), '{}'),
           coalesce(array_agg(s.id) FILTER (WHERE cur.has AND s.rev < cur.old - 1e-4 AND cur.n >= p_k), '{}')
      INTO v_targets, v_fallen
      FROM unnest(v_ids, v_rev) s(id, rev)
      CROSS JOIN LATERAL (
        SELECT count(*) AS n, min(r.score) AS kth, bool_or(r.related_post_id = p_post_id) AS has,
               max(r.score) FILTER (WHERE r.related_post_id = p_post_id) AS old
        FROM related_posts r WHERE r.post_id = s.id
      ) cur;
  ELSE
    v_targets := '{}';
    v_fallen := '{}';
  END IF;

  PERFORM related_lock_lists(v_targets || p_post_id);

  INSERT INTO related_terms (post_id, lexemes, weights) VALUES (p_post_id, v_lexemes, v_weights)
  ON CONFLICT (post_id) DO UPDATE SET lexemes = EXCLUDED.lexemes, weights = EXCLUDED.weights;

  -- Rewritten only when it changed: every write to related_posts advances the content generation
  -- (and so empties the response caches).
  IF EXISTS (
    (SELECT s.id, round(s.score::numeric, 4), row_number() OVER (ORDER BY s.score DESC, s.id)
       FROM unnest(v_ids, v_fwd) s(id, score) ORDER BY s.score DESC, s.id LIMIT p_k)
    EXCEPT ALL
    (SELECT r.related_post_id, round(r.score::numeric, 4), r.rank::bigint FROM related_posts r WHERE r.post_id = p_post_id)
  ) OR (SELECT count(*) FROM related_posts r WHERE r.post_id = p_post_id) <> least(cardinality(v_ids), p_k) THEN
    DELETE FROM related_posts WHERE post_id = p_post_id;
    INSERT INTO related_posts (post_id, related_post_id, rank, score)
    SELECT p_post_id, s.id, row_number() OVER (ORDER BY s.score DESC, s.id), s.score
    FROM unnest(v_ids, v_fwd) s(id, score)
    ORDER BY s.score DESC, s.id
    LIMIT p_k;
  END IF;

  IF cardinality(v_targets) > 0 THEN
    INSERT INTO related_posts (post_id, related_post_id, rank, score)
    SELECT s.id, p_post_id, p_k + 1, s.rev
    FROM unnest(v_ids, v_rev) s(id, rev)
    WHERE s.id = ANY (v_targets)
    ON CONFLICT (post_id, related_post_id) DO UPDATE SET score = EXCLUDED.score;

    WITH ranked AS (
      SELECT r.post_id, r.related_post_id, row_number() OVER (PARTITION BY r.post_id ORDER BY r.score DESC, r.related_post_id) AS position
      FROM related_posts r WHERE r.post_id = ANY (v_targets)
    ),
    trimmed AS (
      DELETE FROM related_posts r USING ranked
      WHERE r.post_id = ranked.post_id AND r.related_post_id = ranked.related_post_id AND ranked.position > p_k
    )
    UPDATE related_posts r SET rank = ranked.position
    FROM ranked
    WHERE r.post_id = ranked.post_id AND r.related_post_id = ranked.related_post_id
      AND ranked.position <= p_k AND r.rank <> ranked.position;
  END IF;

  -- Lists where the post lost score may now prefer a post they do not hold: recompute them.
  PERFORM enqueue_related_refresh(v_fallen, false, 0);
  RETURN cardinality(v_targets) + cardinality(v_fallen);
END;
$$;

-- One post's own list (kept under its old name for callers such as the seed loader).
CREATE OR REPLACE FUNCTION refresh_related_posts(p_post_id uuid, p_k integer DEFAULT 10)
RETURNS void
LANGUAGE sql
AS $$
  SELECT refresh_related_around(p_post_id, false, p_k);
$$;

-- Every published post's terms, in one statement (bulk loads; scales with the blog, never run per write).
CREATE OR REPLACE FUNCTION related_store_all_terms()
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  v_total float8;
BEGIN
  v_total := related_published_count();
  DELETE FROM related_terms;
  INSERT INTO related_terms (post_id, lexemes, weights)
  SELECT p.id, t.lexemes, t.weights
  FROM posts p
  CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(x.lexeme ORDER BY x.weight DESC, x.lexeme), '{}') AS lexemes,
           coalesce(array_agg(x.weight ORDER BY x.weight DESC, x.lexeme), '{}') AS weights
    FROM related_terms_of(p.id, v_total) x
  ) t
  WHERE p.status = 'PUBLISHED';
END;
$$;

-- After a bulk load (the seed): terms now, every list by the background refresh right after commit.
CREATE OR REPLACE FUNCTION queue_all_related_refresh()
RETURNS void
LANGUAGE sql
AS $$
  SELECT related_store_all_terms();
  SELECT enqueue_related_refresh(ARRAY(SELECT id FROM posts WHERE status = 'PUBLISHED'), false, 0);
$$;

-- Rebuilds every list at once, synchronously (scripts and tests; scales with the blog).
CREATE OR REPLACE FUNCTION refresh_all_related_posts()
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  post uuid;
BEGIN
  PERFORM related_store_all_terms();
  FOR post IN SELECT id FROM posts ORDER BY id LOOP
    PERFORM refresh_related_around(post, false);
  END LOOP;
END;
$$;

-- Existing lists stay as they are until the background refresh has recomputed each one; with
-- `reverse`, lists first scored before their candidates had terms are corrected as those follow.
INSERT INTO related_refresh_queue (post_id, reverse)
SELECT id, true FROM posts WHERE status = 'PUBLISHED'
ON CONFLICT (post_id) DO NOTHING;
