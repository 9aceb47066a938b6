// Filling the related-posts lists after a bulk load; pluggable because the app's way of computing them
// is being rewritten. BENCH_RELATED:
//   auto   (default) the app's SQL function per published post when that fits the time budget; when it
//          does not, the app's function for the posts the cases read and `approx` for the rest
//   app    the app's function for every published post, whatever it costs
//   approx a cheap stand-in (same primary tag, nearest in publication order); reads cost the same
//   none   leave the lists empty (the related case then reads empty lists)
import pg from 'pg';

async function hasFunction(client, name) {
  const { rows } = await client.query('SELECT 1 FROM pg_proc WHERE proname = $1', [name]);
  return rows.length > 0;
}

async function approximate(client, skipIds) {
  await client.query('BEGIN');
  await client.query(`CREATE TEMP TABLE bench_bucket ON COMMIT DROP AS
    SELECT pt.post_id, pt.tag_id, row_number() OVER (PARTITION BY pt.tag_id ORDER BY p.published_at, p.id) AS ord
    FROM post_tags pt JOIN posts p ON p.id = pt.post_id
    WHERE pt.position = 0 AND p.status = 'PUBLISHED'`);
  await client.query('CREATE INDEX ON bench_bucket (tag_id, ord)');
  await client.query(
    `INSERT INTO related_posts (post_id, related_post_id, rank, score)
     SELECT post_id, related_post_id, rank, score FROM (
       SELECT a.post_id, b.post_id AS related_post_id,
              row_number() OVER (PARTITION BY a.post_id ORDER BY abs(a.ord - b.ord), b.ord) AS rank,
              1.0 / (1 + abs(a.ord - b.ord)) AS score
       FROM bench_bucket a
       JOIN bench_bucket b ON b.tag_id = a.tag_id AND b.ord BETWEEN a.ord - 5 AND a.ord + 5 AND b.post_id <> a.post_id
       WHERE NOT (a.post_id = ANY ($1::uuid[]))
     ) ranked`,
    [skipIds],
  );
  await client.query('COMMIT');
}

/** Returns a report: strategy used, per-call time of the app's function, projected and actual totals. */
export async function fillRelated({ databaseUrl, strategy, budgetS, callTimeoutS, firstSlugs, log }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const report = { requested: strategy };
  const started = performance.now();
  try {
    const { rows } = await client.query(`SELECT id FROM posts WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id`);
    const published = rows.map((r) => r.id);
    if (strategy === 'none') return { ...report, used: 'none' };
    const appFunction = await hasFunction(client, 'refresh_related_posts');
    if (strategy === 'approx' || !appFunction) {
      if (!appFunction && strategy !== 'approx') report.note = 'the app has no refresh_related_posts function any more; adapt bench/lib/related.mjs';
      await approximate(client, []);
      return { ...report, used: 'approx', seconds: Math.round(performance.now() - started) / 1000 };
    }
    // The posts the cases read go first, through the app's own function.
    const { rows: firstRows } = await client.query('SELECT id FROM posts WHERE slug = ANY ($1)', [firstSlugs]);
    const first = firstRows.map((r) => r.id);
    await client.query(`SET statement_timeout = ${Math.round(callTimeoutS * 1000)}`);
    const t = performance.now();
    try {
      for (const id of first) await client.query('SELECT refresh_related_posts($1::uuid)', [id]);
    } catch (error) {
      report.callError = error.message;
    }
    const perCallS = (performance.now() - t) / 1000 / Math.max(1, first.length);
    report.appSecondsPerPost = Math.round(perCallS * 1000) / 1000;
    // Two connections share the work (the machine has two cores, also running the server).
    report.projectedAppSeconds = Math.round((perCallS * published.length) / 2);
    log?.(`  refresh_related_posts: ${report.appSecondsPerPost} s per post; all ${published.length}: ~${report.projectedAppSeconds} s`);
    if (report.callError || (strategy === 'auto' && report.projectedAppSeconds > budgetS)) {
      await client.query('SET statement_timeout = 0');
      await approximate(client, report.callError ? [] : first);
      return { ...report, used: report.callError ? 'approx' : `app for ${first.length} case post(s), approx for the rest`, seconds: Math.round(performance.now() - started) / 1000 };
    }
    const rest = published.filter((id) => !first.includes(id));
    const second = new pg.Client({ connectionString: databaseUrl });
    await second.connect();
    try {
      let next = 0;
      const work = async (c) => {
        while (next < rest.length) await c.query('SELECT refresh_related_posts($1::uuid)', [rest[next++]]);
      };
      await client.query('SET statement_timeout = 0');
      await Promise.all([work(client), work(second)]);
    } finally {
      await second.end();
    }
    return { ...report, used: 'app', seconds: Math.round(performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
