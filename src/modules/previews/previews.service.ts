import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { AuditActor } from '../audit/audit.service';
import { DOCUMENT_KINDS, type DocumentKind } from '../posts/domain/document-kind';
import type { BodyFormatName } from '../posts/domain/post-listing';
import type { PostBody, TocEntry } from '../posts/models/post.model';
import { PostsService, PostWithRelations } from '../posts/posts.service';
import { PreviewLinkRow, PreviewLinksRepository } from './data/preview-links.repository';
import { PreviewReadsRepository } from './data/preview-reads.repository';
import { hashPreviewToken, isActive, isWellFormedPreviewToken, mintPreviewToken, previewExpiry, previewUrl } from './domain/preview-token';
import { CreatedPreviewLinkModel, PreviewLinkModel } from './models/preview-link.model';

/** Audit actions of this module (no webhook events: a preview changes nothing public). */
export type PreviewAuditAction = 'preview_link.created' | 'preview_link.revoked';
const TARGET = 'preview_link';

/** What a request asks for: the document by id or by slug. */
export interface PreviewTarget {
  id?: string;
  slug?: string;
}

/** A document in its latest state, shown through a preview link (never to be cached or listed). */
export interface DocumentPreview {
  /** The public output shape of its kind (a page has no labels). */
  document: PostWithRelations;
  body: PostBody;
}

function toModel(row: PreviewLinkRow, now: Date): PreviewLinkModel {
  return {
    id: row.id,
    documentId: row.documentId,
    prefix: row.prefix,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    active: isActive(row, now),
  };
}

/** Draft preview links: the editor side (create, list, revoke) and the public side (resolve a token). */
@Injectable()
export class PreviewsService {
  constructor(
    private readonly links: PreviewLinksRepository,
    private readonly reads: PreviewReadsRepository,
    private readonly posts: PostsService,
  ) {}

  /** A link for the document `documentId`; with `kind` (the REST routes), a document of another kind is not found. */
  async create(
    documentId: string,
    kind: DocumentKind | undefined,
    expiresIn: number | undefined,
    actor: AuditActor,
    now = new Date(),
  ): Promise<CreatedPreviewLinkModel> {
    const document = await this.document(documentId, kind);
    const token = mintPreviewToken();
    const expiresAt = previewExpiry(now, expiresIn);
    const action: PreviewAuditAction = 'preview_link.created';
    const row = await this.links.insert(
      { documentId, tokenHash: token.hash, prefix: token.prefix, expiresAt, createdByTokenId: actor.tokenId },
      { ...actor, action, targetType: TARGET, details: { documentId, expiresAt: expiresAt.toISOString() } },
    );
    const url = previewUrl(this.posts.urlOf(document.slug, document.kind), token.plaintext);
    return { ...toModel(row, now), token: token.plaintext, url };
  }

  async list(documentId: string, kind?: DocumentKind, now = new Date()): Promise<PreviewLinkModel[]> {
    await this.document(documentId, kind);
    return (await this.links.findForDocument(documentId)).map((row) => toModel(row, now));
  }

  private async document(id: string, kind: DocumentKind | undefined) {
    const document = await this.reads.findDocument(id);
    if (!document || (kind !== undefined && document.kind !== kind)) throw DomainError.notFound(`${DOCUMENT_KINDS[kind ?? 'post'].label} ${id}`);
    return document;
  }

  /** Idempotent: revoking a revoked link answers it as it is and records nothing new. */
  async revoke(id: string, actor: AuditActor, now = new Date()): Promise<PreviewLinkModel> {
    const action: PreviewAuditAction = 'preview_link.revoked';
    const row = await this.links.revoke(id, now, { ...actor, action, targetType: TARGET, targetId: id });
    if (!row) throw DomainError.notFound(`Preview link ${id}`);
    return toModel(row, now);
  }

  /** Test and maintenance hook: moves a link's expiry. */
  setExpiry(id: string, expiresAt: Date): Promise<void> {
    return this.links.setExpiry(id, expiresAt);
  }

  /**
   * The latest state of the document `token` grants, if it is the `kind` document `target` asks for;
   * null for a malformed, unknown, expired or revoked token and for any other document, of this kind or
   * another (the caller then answers as if no token had been sent, so a token reveals nothing beyond
   * its own document).
   */
  async read(
    token: string,
    kind: DocumentKind,
    target: PreviewTarget,
    formats: readonly BodyFormatName[],
    now = new Date(),
  ): Promise<DocumentPreview | null> {
    if (!isWellFormedPreviewToken(token) || (target.id === undefined) === (target.slug === undefined)) return null;
    const link = await this.links.findByHash(hashPreviewToken(token));
    if (!link || !isActive(link, now)) return null;
    if (target.id !== undefined && target.id.toLowerCase() !== link.documentId) return null;
    const all: BodyFormatName[] = ['html', 'plaintext', 'markdown'];
    const row = await this.reads.findLatestById(link.documentId, all, now);
    if (!row || row.kind !== kind || (target.slug !== undefined && row.slug !== target.slug)) return null;
    const body: PostBody = { html: row.html!, plaintext: row.plaintext!, markdown: row.markdown ?? null, toc: (row.toc ?? []) as TocEntry[] };
    const [document] = this.posts.fromRows([row]);
    // Only the formats asked for, as the public read answers.
    for (const format of all) if (!formats.includes(format)) delete (document as Partial<PostWithRelations>)[format];
    return { document, body };
  }
}
