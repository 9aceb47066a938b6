-- Documents of more than one kind in one table (as Ghost does): posts and pages share the body pipeline,
-- slugs (one namespace, one slug history), revisions, audit and webhooks. Pages stay out of the posts
-- list, feeds, related posts and the label counts; they are in the sitemap and search.
CREATE TYPE "DocumentKind" AS ENUM ('post', 'page');

ALTER TABLE "posts" ADD COLUMN "kind" "DocumentKind" NOT NULL DEFAULT 'post';

-- The public listing of one kind: kind, then the (status, published_at) walk every list does.
CREATE INDEX "posts_kind_status_published_at_idx" ON "posts"("kind", "status", "published_at" DESC, "id" DESC);

-- The unfiltered posts list's total counts posts only.
CREATE OR REPLACE FUNCTION published_post_total_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'post' AND OLD.status = 'PUBLISHED' AND OLD.published_at IS NOT NULL THEN
    delta := delta - 1;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.kind = 'post' AND NEW.status = 'PUBLISHED' AND NEW.published_at IS NOT NULL THEN
    delta := delta + 1;
  END IF;
  IF delta <> 0 THEN
    UPDATE "published_post_total" SET "value" = "value" + delta WHERE "id";
  END IF;
  RETURN NULL;
END;
$$;

-- Page audit actions raise page.* webhook events: see 20261201600000_webhook_event_mapping.

-- Pages are described like posts, with their own type ('page').
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
  IF p_target_type IN ('post', 'page') THEN
    SELECT jsonb_build_object('type', p_target_type, 'id', p.id, 'slug', p.slug, 'status', p.status, 'version', p.version,
                              'publishedAt', to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      INTO v_data FROM posts p WHERE p.id = v_uuid AND p.kind::text = p_target_type;
    IF v_data IS NULL AND p_details ? 'snapshot' THEN
      -- Deleted in this transaction: the audit row keeps what it was.
      v_data := jsonb_build_object('type', p_target_type, 'id', v_uuid, 'slug', p_details->'snapshot'->>'slug', 'status', 'DELETED',
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
  -- Set by the writer when the slug changed, or when a delete removed a document in that status.
  RETURN v_data || jsonb_strip_nulls(jsonb_build_object('previousSlug', p_details->'previousSlug', 'previousStatus', p_details->'previousStatus'));
END;
$$;

-- Related lists are lists of posts: a page is treated like an unpublished post (it has no list and is
-- in none), and only posts are scored as candidates. The function is otherwise unchanged from
-- 20261130300000_related_refresh_queue.
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
  SELECT status = 'PUBLISHED' AND kind = 'post' INTO v_published FROM posts WHERE id = p_post_id;

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
    JOIN posts p ON p.id = c.id AND p.status = 'PUBLISHED' AND p.kind = 'post'
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

-- Bulk paths (the seed, scripts) leave pages out of related terms and the refresh queue.
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
  WHERE p.status = 'PUBLISHED' AND p.kind = 'post';
END;
$$;

CREATE OR REPLACE FUNCTION queue_all_related_refresh()
RETURNS void
LANGUAGE sql
AS $$
  SELECT related_store_all_terms();
  SELECT enqueue_related_refresh(ARRAY(SELECT id FROM posts WHERE status = 'PUBLISHED' AND kind = 'post'), false, 0);
$$;
