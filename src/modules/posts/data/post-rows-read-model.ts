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
const keyOf = (kind: LabelKind, id: string) => `${kind}:${id}`;

/** One row's label ids by kind, split once per read. */
type RowLabelIds = Record<LabelKind, string[]>;

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
  private labels = new Map<string, LabelReadRow>();
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
    const labels = await this.labelsFor(ids, now);
    const labelsOf = (kind: LabelKind, of: string[]) => of.flatMap((id) => labels.get(keyOf(kind, id)) ?? []);
    // In place (the rows are this call's own): copying rows of 30 columns cost more than the lookups.
    (rows as WithRelations<T>[]).forEach((row, i) => {
      row.tags = labelsOf('tag', ids[i].tag) as PostReadRow['tags'];
      row.authors = labelsOf('author', ids[i].author) as PostReadRow['authors'];
    });
    return rows as WithRelations<T>[];
  }

  private async labelsFor(ids: readonly RowLabelIds[], now: Date): Promise<Map<string, LabelReadRow>> {
    const cache = this.current(now);
    const missing: Record<LabelKind, Set<string>> = { tag: new Set(), author: new Set() };
    for (const row of ids) {
      for (const kind of LABEL_KINDS) for (const id of row[kind]) if (!cache.has(keyOf(kind, id))) missing[kind].add(id);
    }
    // The generation is read before the statements: a commit announced meanwhile empties the cache again.
    const generation = this.generation.current;
    const found = new Map<string, LabelReadRow>();
    await Promise.all(
      LABEL_KINDS.filter((kind) => missing[kind].size > 0).map(async (kind) => {
        const read = await sqlRows<{ label: LabelReadRow }>(this.prisma.readPool, labelRowsByIdSql(kind, [...missing[kind]], now));
        for (const { label } of read) found.set(keyOf(kind, label.id), label);
      }),
    );
    if (found.size === 0) return cache;
    if (generation >= 0 && generation === this.cachedGeneration && cache === this.labels) {
      for (const [key, label] of found) this.labels.set(key, label);
      return this.labels;
    }
    return new Map([...cache, ...found]);
  }

  /** The cache if it still holds for the current generation and age; emptied otherwise. */
  private current(now: Date): Map<string, LabelReadRow> {
    const generation = this.generation.current;
    const stale = generation !== this.cachedGeneration || now.getTime() - this.cachedSince > LABELS_FRESH_FOR_MS;
    if (stale || this.labels.size > MAX_CACHED_LABELS) {
      this.labels = new Map();
      this.cachedGeneration = generation;
      this.cachedSince = now.getTime();
    }
    return this.labels;
  }
}
