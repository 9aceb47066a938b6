-- Related posts, revised: the text term now covers the body too.
-- score = Σ idf(shared tag)                          (a shared rare tag counts more than a common one)
--       + 2 × trigram similarity of title + excerpt
--       + 1.5 × idf-weighted overlap of the post's most frequent lexemes (title, excerpt, tags, body)
--       + a light recency term                       (newer candidates win close calls)
-- The lexeme term uses the search vector (see 20261124030000): up to 48 of the post's lexemes,
-- each weighted by ln(N / df) over published posts, so words every post uses count for nothing.
-- Document frequencies come from the GIN index, one lookup per lexeme. Ties are broken by id.

CREATE OR REPLACE FUNCTION refresh_related_posts(p_post_id uuid, p_k integer DEFAULT 10)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  DELETE FROM related_posts WHERE post_id = p_post_id;

  INSERT INTO related_posts (post_id, related_post_id, rank, score)
  WITH published AS (
    SELECT id, title, excerpt, published_at, search_vector FROM posts WHERE status = 'PUBLISHED' AND id <> p_post_id
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
    SELECT title || ' ' || excerpt AS text, search_vector FROM posts WHERE id = p_post_id
  ),
  my_terms AS (
    SELECT l.lexeme
    FROM me, unnest(coalesce(me.search_vector, ''::tsvector)) l
    ORDER BY coalesce(array_length(l.positions, 1), 1) + 3 * (l.weights && '{A,B}'::text[])::int DESC, l.lexeme
    LIMIT 48
  ),
  term_idf AS (
    SELECT t.lexeme,
           ln(corpus.total / greatest((
             SELECT count(*) FROM posts p
             WHERE p.status = 'PUBLISHED' AND p.search_vector @@ quote_literal(t.lexeme)::tsquery
           ), 1)) AS idf
    FROM my_terms t CROSS JOIN corpus
  ),
  term_total AS (
    SELECT greatest(sum(idf), 1e-9) AS total FROM term_idf
  ),
  scored AS (
    SELECT c.id,
           coalesce(ts.score, 0)
           + 2.0 * similarity(c.title || ' ' || c.excerpt, me.text)
           + 1.5 * coalesce((
               SELECT sum(ti.idf) FROM term_idf ti
               WHERE ti.lexeme = ANY (tsvector_to_array(coalesce(c.search_vector, ''::tsvector)))
             ), 0) / term_total.total
           + 0.25 / (1 + greatest(extract(epoch FROM now() - coalesce(c.published_at, now())), 0) / 86400.0 / 365.0)
             AS score
    FROM published c
    CROSS JOIN me
    CROSS JOIN term_total
    LEFT JOIN tag_score ts ON ts.candidate = c.id
  )
  SELECT p_post_id, id, row_number() OVER (ORDER BY score DESC, id), score
  FROM scored
  ORDER BY score DESC, id
  LIMIT p_k;
END;
$$;

-- Rebuild every list under the new scoring.
SELECT refresh_all_related_posts();
