import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { mapPrismaError } from '../../database/prisma-errors';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { preconditionFailed } from './domain/post-etag';
import { actionKind, DOCUMENT_KINDS, type DocumentAction, type DocumentKind } from './domain/document-kind';
import { PostSnapshot } from './domain/post-snapshot';
import { PostStatusName } from './domain/post-transitions';
import * as step from './post-write-steps.repository';
import type { WriteActor } from './post-write-steps.repository';
import { inProgress } from './domain/idempotency';
import { IdempotencyClaim, IdempotencyKeysRepository } from './idempotency-keys.repository';
import { enqueueListsContaining } from '../related-content/related-refresh.repository';
import { isTransientConflict } from '../../common/errors/database-unavailable';

/** Whole-transaction attempts when PostgreSQL aborts one for a deadlock or serialization failure. */
const MAX_CONFLICT_ATTEMPTS = 3;

export type { WriteActor } from './post-write-steps.repository';

/** Stored post columns the write path sets (derived body columns come from the content-body pipeline). */
export interface PostColumns {
  title: string;
  markdown: string | null;
  html: string;
  plaintext: string;
  toc: { id: string; text: string; level: number }[];
  customExcerpt: string | null;
  excerpt: string;
  wordCount: number;
  imageCount: number;
  readingTimeSeconds: number;
  readingTimeMinutes: number;
  featured: boolean;
  featureImageUrl: string | null;
  featureImageAlt: string | null;
  featureImageCaption: string | null;
  featureImageMediaId: string | null;
  canonicalUrl: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  ogImage: string | null;
  twitterImage: string | null;
  status: PostStatusName;
  publishedAt: Date | null;
}

export interface PostWrite<C> {
  columns: C;
  /** An explicit slug (checked for conflicts); on create without it, one is generated from the title. */
  slug?: string;
  /** Tag slugs or names, replacing the list. */
  tags?: string[];
  /** Author slugs, replacing the list. */
  authors?: string[];
  /** Set when a published post's slug changes: the old one keeps redirecting. */
  previousSlug?: string;
  /** Library images the (re-rendered) body shows, replacing the `post_media` rows; absent: unchanged. */
  bodyMedia?: string[];
}

export interface AuditNote {
  /** Also says which kind of document is written (`page.created` creates a page). */
  action: DocumentAction;
  details?: object;
}

export type WriteStep = 'post' | 'links' | 'revision' | 'related' | 'audit';

export interface RevisionRow {
  number: number;
  createdAt: Date;
  tokenId: string | null;
  snapshot: PostSnapshot;
}

/**
 * Every post write is one transaction: row, links, slug history, revision, audit entry, and a queue row
 * for the related-posts refresh that runs after commit (RelatedRefreshWorker).
 */
@Injectable()
export class PostWritesRepository {
  /** Test seam: called before each step inside the transaction; throwing there must roll everything back. */
  faultHook?: (step: WriteStep) => void | Promise<void>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `claim`: the Idempotency-Key this create runs under; the new post's id is recorded on it in the same transaction. */
  async create(write: PostWrite<PostColumns> & { title: string }, actor: WriteActor, note: AuditNote, claim?: IdempotencyClaim | null): Promise<string> {
    return this.transaction(async (tx) => {
      const slug = write.slug ?? (await step.generateSlug(tx, write.title));
      if (write.slug) await step.assertSlugFree(tx, write.slug);
      await step.assertMediaExists(tx, write.columns.featureImageMediaId);
      await this.fault('post');
      const toc = write.columns.toc as Prisma.InputJsonValue;
      if (write.tags?.length) await step.announceTagLinks(tx);
      const { id } = await tx.post.create({ data: { ...write.columns, toc, slug, kind: actionKind(note.action) }, select: { id: true } });
      await this.finish(tx, id, write, actor, note);
      if (claim && !(await this.idempotencyKeys.recordResult(tx, claim, id))) throw inProgress();
      return id;
    });
  }

  async update(id: string, expectedVersion: number, write: PostWrite<Partial<PostColumns>>, actor: WriteActor, note: AuditNote): Promise<void> {
    await this.transaction(async (tx) => {
      if (write.slug) await step.assertSlugFree(tx, write.slug, id);
      await step.assertMediaExists(tx, write.columns.featureImageMediaId);
      // The version check and the row lock in one statement: of concurrent writers with one ETag, one wins.
      const toc = write.columns.toc as Prisma.InputJsonValue | undefined;
      const { count } = await tx.post.updateMany({
        where: { id, version: expectedVersion },
        data: { ...write.columns, toc, ...(write.slug ? { slug: write.slug } : {}), version: { increment: 1 } },
      });
      if (count === 0) await this.missingOrStale(tx, id);
      if (write.previousSlug && write.slug && write.previousSlug !== write.slug) {
        await step.recordSlugChange(tx, id, write.previousSlug, write.slug);
      }
      await this.finish(tx, id, write, actor, note);
    });
  }

  async delete(kind: DocumentKind, id: string, expectedVersion: number, actor: WriteActor, details?: object): Promise<void> {
    await this.transaction(async (tx) => {
      // Unpublished first (the audit snapshot has always recorded it so), checked and locked in one statement.
      const { count } = await tx.post.updateMany({ where: { id, version: expectedVersion }, data: { status: 'DRAFT', version: { increment: 1 } } });
      if (count === 0) await this.missingOrStale(tx, id);
      const snapshot = await step.readSnapshot(tx, id);
      await this.fault('related');
      await enqueueListsContaining(tx, id, this.config.relatedRefresh.delayMs);
      await tx.post.delete({ where: { id } });
      await this.fault('audit');
      await step.audit(tx, actor, `${kind}.deleted`, id, { ...details, version: expectedVersion, snapshot });
    });
  }

  async findRevisions(postId: string): Promise<RevisionRow[]> {
    const rows = await this.prisma.postRevision.findMany({
      where: { postId },
      orderBy: { number: 'desc' },
      select: { number: true, createdAt: true, tokenId: true, snapshot: true },
    });
    return rows.map((r) => ({ ...r, snapshot: r.snapshot as unknown as PostSnapshot }));
  }

  async findRevision(postId: string, number: number): Promise<RevisionRow | null> {
    const row = await this.prisma.postRevision.findUnique({
      where: { postId_number: { postId, number } },
      select: { number: true, createdAt: true, tokenId: true, snapshot: true },
    });
    return row && { ...row, snapshot: row.snapshot as unknown as PostSnapshot };
  }

  private async finish(tx: Prisma.TransactionClient, id: string, write: PostWrite<unknown>, actor: WriteActor, note: AuditNote) {
    await this.fault('links');
    if (write.tags) await step.replaceTags(tx, id, write.tags);
    if (write.authors) await step.replaceAuthors(tx, id, write.authors);
    if (write.bodyMedia) await step.replaceBodyMedia(tx, id, write.bodyMedia);
    await this.fault('revision');
    const revision = await step.addRevision(tx, id, actor);
    await this.fault('related');
    if (DOCUMENT_KINDS[actionKind(note.action)].related) await step.queueRelatedRefresh(tx, id, this.config.relatedRefresh.delayMs);
    await this.fault('audit');
    await step.audit(tx, actor, note.action, id, { revision, ...note.details });
  }

  private async missingOrStale(tx: Prisma.TransactionClient, id: string): Promise<never> {
    const exists = await tx.post.findUnique({ where: { id }, select: { id: true } });
    throw exists ? preconditionFailed() : DomainError.notFound(`Post ${id}`);
  }

  private async fault(at: WriteStep): Promise<void> {
    if (this.faultHook) await this.faultHook(at);
  }

  private async transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.prisma.$transaction(work, { maxWait: 10_000, timeout: 30_000 });
      } catch (error) {
        if (error instanceof DomainError) throw error;
        // A deadlock with a concurrent writer (e.g. the related-lists refresh) rolled everything back:
        // run the whole transaction again rather than answer 500.
        if (attempt < MAX_CONFLICT_ATTEMPTS && isTransientConflict(error)) continue;
        return mapPrismaError(error, 'Post');
      }
    }
  }
}
