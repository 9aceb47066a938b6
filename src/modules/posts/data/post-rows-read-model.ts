import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PrismaService } from '../../../database/prisma.service';
import { sqlRows } from '../../../database/sql-rows';
import type { Prisma } from '../../../generated/prisma/client';
import type { LabelReadRow } from '../../labels/data/label-read-model';
import { ContentGenerationService } from '../../response-cache/content-generation.service';
import { type LabelKind, labelRowsByIdSql, type PostIdsRow, type PostReadRow } from './post-read-model';

/** Label rows are re-read at least this often even without a commit (a post count may change with time alone). */
const LABELS_FRESH_FOR_MS = 10_000;
/** More distinct labels than this in use at once: start over rather than grow without bound. */
const MAX_CACHED_LABELS = 20_000;

/** A relation column (`relationColumns`): comma-separated ids, empty or NULL for none. */
const idsOf = (column: string | null): string[] => (column ? column.split(',') : []);
const LABEL_KINDS: readonly LabelKind[] = ['tag', 'author'];

/** One row's label ids by kind, split once per read. */
type RowLabelIds = Record<LabelKind, string[]>;
/** Label rows by kind, then by id. */
type Labels = Record<LabelKind, Map<string, LabelReadRow>>;
type MissingIds = Record<LabelKind, Set<string>>;

const noLabels = (): Labels => ({ tag: new Map(), author: new Map() });

type WithRelations<T> = T & Pick<PostReadRow, 'tags' | 'authors'>;

/**
 * Runs a public post statement and gives each row its tags and authors. The statement selects only their
 * ids (`relationColumns`); the label rows come from a cache that lives for one content generation (and
 * at most LABELS_FRESH_FOR_MS), filled with one statement per kind for the ids it lacks. Building each
 * label's JSON inside every post statement was most of a list's database time: a blog has few labels and
 * every page repeats them.
 */
@Injectable()
export class PostRowsReader {
  // Replaced, never emptied in place: a request still resolving keeps the map it started with.
  private labels: Labels = noLabels();
  private cachedGeneration = -1;
  private cachedSince = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly generation: ContentGenerationService,
  ) {}

  /**
   * The rows of `sql` with their tags and authors; `now` is the statement's own (label post counts use it).
   * On the read pool unless `pool` says otherwise (search plans per query on its own pool).
   */
  async read<T extends PostIdsRow>(sql: Prisma.Sql, now: Date, pool: Pool = this.prisma.readPool): Promise<WithRelations<T>[]> {
    const rows = await sqlRows<T>(pool, sql);
    const ids = rows.map((row): RowLabelIds => ({ tag: idsOf(row.tagIds), author: idsOf(row.authorIds) }));
    const cache = this.current(now);
    const missing = missingFrom(cache, ids);
    // Usually every label is cached: no statement, and no extra turn of the event loop.
    const labels = missing ? await this.fill(cache, missing, now) : cache;
    // In place (the rows are this call's own): copying rows of 30 columns cost more than the lookups.
    (rows as WithRelations<T>[]).forEach((row, i) => {
      row.tags = labelsOf(labels.tag, ids[i].tag) as PostReadRow['tags'];
      row.authors = labelsOf(labels.author, ids[i].author) as PostReadRow['authors'];
    });
    return rows as WithRelations<T>[];
  }

  /** Reads the missing labels; the cache takes them if it is still the current generation's. */
  private async fill(cache: Labels, missing: MissingIds, now: Date): Promise<Labels> {
    // The generation is read before the statements: a commit announced meanwhile empties the cache again.
    const generation = this.generation.current;
    const found = noLabels();
    await Promise.all(
      LABEL_KINDS.filter((kind) => missing[kind].size > 0).map(async (kind) => {
        const read = await sqlRows<{ label: LabelReadRow }>(this.prisma.readPool, labelRowsByIdSql(kind, [...missing[kind]], now));
        for (const { label } of read) found[kind].set(label.id, label);
      }),
    );
    if (generation >= 0 && generation === this.cachedGeneration && cache === this.labels) {
      for (const kind of LABEL_KINDS) for (const [id, label] of found[kind]) cache[kind].set(id, label);
      return cache;
    }
    return { tag: new Map([...cache.tag, ...found.tag]), author: new Map([...cache.author, ...found.author]) };
  }

  /** The cache if it still holds for the current generation and age; emptied otherwise. */
  private current(now: Date): Labels {
    const generation = this.generation.current;
    const stale = generation !== this.cachedGeneration || now.getTime() - this.cachedSince > LABELS_FRESH_FOR_MS;
    if (stale || this.labels.tag.size + this.labels.author.size > MAX_CACHED_LABELS) {
      this.labels = noLabels();
      this.cachedGeneration = generation;
      this.cachedSince = now.getTime();
    }
    return this.labels;
  }
}

/** The ids of `rows` that `cache` lacks, by kind; undefined when it has them all. */
function missingFrom(cache: Labels, rows: readonly RowLabelIds[]): MissingIds | undefined {
  let missing: MissingIds | undefined;
  for (const row of rows) {
    for (const kind of LABEL_KINDS) {
      for (const id of row[kind]) if (!cache[kind].has(id)) (missing ??= { tag: new Set(), author: new Set() })[kind].add(id);
    }
  }
  return missing;
}

function labelsOf(labels: Map<string, LabelReadRow>, ids: readonly string[]): LabelReadRow[] {
  const found: LabelReadRow[] = [];
  for (const id of ids) {
    const label = labels.get(id);
    if (label) found.push(label);
  }
  return found;
}
