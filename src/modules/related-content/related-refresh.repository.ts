import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

/** One claimed queue row: refresh `postId` (and, with `reverse`, its candidates' lists). */
export interface RelatedRefreshClaim {
  postId: string;
  version: number;
  reverse: boolean;
}

type Tx = Prisma.TransactionClient;

/**
 * Records, inside the caller's write transaction, that these posts' related lists must be recomputed
 * `delayMs` from now. Cheap and independent of the blog's size: one upsert per post, no lock beyond
 * the queue rows themselves. `reverse`: the post's place in other posts' lists may have changed too.
 */
export async function enqueueRelatedRefresh(tx: Tx, postIds: readonly string[], options: { reverse: boolean; delayMs: number }): Promise<void> {
  if (postIds.length === 0) return;
  await tx.$executeRaw`SELECT enqueue_related_refresh(${[...postIds]}::uuid[], ${options.reverse}, ${options.delayMs}::int)`;
}

/**
 * Before a post is deleted: its row in other posts' lists goes with it (ON DELETE CASCADE), so those
 * lists are queued for a refill now, while they can still be found (and the post, to drop its terms).
 */
export async function enqueueListsContaining(tx: Tx, postId: string, delayMs: number): Promise<void> {
  await tx.$executeRaw`
    SELECT enqueue_related_refresh(
      ARRAY(SELECT post_id FROM related_posts WHERE related_post_id = ${postId}::uuid UNION SELECT ${postId}::uuid),
      false, ${delayMs}::int)`;
}

/** The only writer of `related_posts` and `related_terms` (through the refresh_related_around SQL function). */
@Injectable()
export class RelatedRefreshRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims up to `limit` due rows. SKIP LOCKED lets every instance poll at once without waiting on each
   * other, and the lease (a due time pushed `leaseMs` ahead, committed at once) keeps a claimed row
   * from being claimed again while it is worked on; a crashed worker's rows come back after the lease.
   */
  claim(limit: number, leaseMs: number): Promise<RelatedRefreshClaim[]> {
    return this.prisma.$queryRaw<RelatedRefreshClaim[]>`
      UPDATE related_refresh_queue q
      SET due_at = now() + make_interval(secs => ${leaseMs}::int / 1000.0), attempts = q.attempts + 1
      FROM (
        SELECT post_id FROM related_refresh_queue
        WHERE due_at <= now()
        ORDER BY due_at, post_id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE q.post_id = due.post_id
      RETURNING q.post_id::text AS "postId", q.version, q.reverse`;
  }

  /**
   * Recomputes the lists and, in the same transaction, removes the queue row unless a newer write
   * re-queued the post meanwhile (then it stays, due again, and is refreshed once more).
   * Returns how many other posts' lists were changed or queued.
   */
  refresh(claim: RelatedRefreshClaim): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ changed: number }[]>`
          SELECT refresh_related_around(${claim.postId}::uuid, ${claim.reverse}) AS changed`;
        await tx.$executeRaw`
          DELETE FROM related_refresh_queue WHERE post_id = ${claim.postId}::uuid AND version = ${claim.version}`;
        return row.changed;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }

  /** Puts a failed claim back after `delayMs` (rows are never dropped: the lists must converge). */
  async release(claim: RelatedRefreshClaim, delayMs: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE related_refresh_queue SET due_at = now() + make_interval(secs => ${delayMs}::int / 1000.0)
      WHERE post_id = ${claim.postId}::uuid AND version = ${claim.version}`;
  }
}
