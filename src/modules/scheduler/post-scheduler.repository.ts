import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PrismaService } from '../../database/prisma.service';
import { DOCUMENT_KINDS, type DocumentKind } from '../posts/domain/document-kind';
import { addRevision, audit, queueRelatedRefresh, WriteActor } from '../posts/post-write-steps.repository';

/** The scheduler acts on its own: no token, no request. */
const SCHEDULER: WriteActor = { tokenId: null, requestId: null };

@Injectable()
export class PostSchedulerRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Publishes up to `limit` due SCHEDULED posts, oldest first, in one transaction: status, version,
   * a revision, an audit entry and a queued related-posts refresh per post, all or nothing.
   * SKIP LOCKED lets several instances poll at once: a row one of them holds is skipped by the
   * others, and once committed it is no longer SCHEDULED, so each post is published exactly once.
   */
  publishDue(limit: number): Promise<string[]> {
    return this.prisma.$transaction(
      async (tx) => {
        // Every document kind (posts and pages) is scheduled alike.
        const due = await tx.$queryRaw<{ id: string; kind: DocumentKind }[]>`
          SELECT id::text AS id, kind::text AS kind FROM posts
          WHERE status = 'SCHEDULED' AND published_at <= now()
          ORDER BY published_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED`;
        if (due.length === 0) return [];
        const ids = due.map((row) => row.id);
        await tx.$executeRaw`
          UPDATE posts SET status = 'PUBLISHED', version = version + 1, updated_at = now()
          WHERE id = ANY(${ids}::uuid[])`;
        for (const { id, kind } of due) {
          await addRevision(tx, id, SCHEDULER);
          await audit(tx, SCHEDULER, `${kind}.published`, id, { scheduled: true });
          if (DOCUMENT_KINDS[kind].related) await queueRelatedRefresh(tx, id, this.config.relatedRefresh.delayMs);
        }
        return ids;
      },
      { timeout: 60_000 },
    );
  }
}
