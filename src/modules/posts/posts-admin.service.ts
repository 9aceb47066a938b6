import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { Paginated, pageMeta, PageRequest } from '../../common/pagination/pagination.types';
import { ContentBodyService } from '../content-body/content-body.service';
import { decorateLibraryImages, libraryImageRefs } from '../media/domain/body-images';
import { MediaImagesService } from '../media/media-images.service';
import { AcceptedVersions, matchVersion } from './domain/post-etag';
import { BodyFormatName, parsePostOrder, PostListFilter, PostOrder } from './domain/post-listing';
import { planPublish, planUnpublish, PublishRequest } from './domain/post-transitions';
import { DOCUMENT_KINDS, documentAction, type DocumentKind, type DocumentVerb } from './domain/document-kind';
import type { CreatePageInput } from './dto/create-page.input';
import { CreatePostInput } from './dto/create-post.input';
import type { UpdatePageInput } from './dto/update-page.input';
import { UpdatePostInput } from './dto/update-post.input';
import { PostBody, PostModel, PostStatus, TocEntry } from './models/post.model';
import { PostRevisionModel } from './models/post-revision.model';
import { PostIdempotencyService, StoredResponse } from './post-idempotency.service';
import { snapshotToUpdate, toCreateWrite, toUpdateWrite } from './post-write.mapper';
import { PostColumns, PostWrite, PostWritesRepository, WriteActor } from './post-writes.repository';
import { PostRow, PostsRepository } from './posts.repository';
import { PostsService, PostWithRelations } from './posts.service';

export type { WriteActor } from './post-writes.repository';
export const ADMIN_POST_FORMATS: BodyFormatName[] = ['html', 'markdown'];

export interface AdminListOptions {
  /** Posts (the default) or pages. */
  kind?: DocumentKind;
  filter: PostListFilter;
  statuses?: PostStatus[];
  order: PostOrder;
  page: PageRequest;
}

/**
 * Editor use cases for documents of every kind (any status), shared by the REST controllers and the
 * GraphQL resolvers of posts and pages. `kind` defaults to post; a document of another kind is not found.
 */
@Injectable()
export class PostsAdminService {
  constructor(
    private readonly reads: PostsRepository,
    private readonly writes: PostWritesRepository,
    private readonly posts: PostsService,
    private readonly body: ContentBodyService,
    private readonly idempotency: PostIdempotencyService,
    private readonly images: MediaImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(options: AdminListOptions, formats: readonly BodyFormatName[] = []): Promise<Paginated<PostWithRelations>> {
    if (options.page.mode !== 'page') {
      throw DomainError.validation('Admin post lists paginate by "page", not by cursor.', [{ field: 'cursor', message: 'not supported here' }]);
    }
    const { limit, page } = options.page;
    const kind = options.kind ?? 'post';
    const [rows, total] = await Promise.all([
      this.reads.findAdminPage({ ...options, kind, order: parsePostOrder(options.order), take: limit, skip: (page - 1) * limit, formats }),
      this.reads.countAdmin(kind, options.filter, options.statuses),
    ]);
    return { items: await this.posts.withRelations(rows.map((row) => this.posts.toModel(row)), kind), total, page: pageMeta(limit, page, total) };
  }

  async get(id: string, formats: readonly BodyFormatName[] = ADMIN_POST_FORMATS, kind: DocumentKind = 'post'): Promise<PostWithRelations> {
    const [post] = await this.posts.withRelations([this.posts.toModel(await this.row(kind, id, formats))], kind);
    return post;
  }

  /** Body formats of posts of any status, keyed by id (GraphQL body fields of admin results). */
  async bodiesOf(ids: readonly string[]): Promise<Map<string, PostBody>> {
    const rows = await this.reads.findAnyBodies(ids);
    return new Map(rows.map((r) => [r.id, { html: r.html, plaintext: r.plaintext, markdown: r.markdown, toc: r.toc as unknown as TocEntry[] }]));
  }

  /** Creates a draft; with an Idempotency-Key, a retry replays the first response instead. */
  async create(input: CreatePostInput | CreatePageInput, actor: WriteActor, idempotencyKey?: string, kind: DocumentKind = 'post'): Promise<StoredResponse> {
    const { label } = DOCUMENT_KINDS[kind];
    return this.idempotency.once(
      { tokenId: actor.tokenId, key: idempotencyKey, operation: `create${label}`, request: input },
      async (claim) => {
        const write = await this.withBodyImages(toCreateWrite(input, this.body), null);
        const id = await this.writes.create(write, actor, { action: documentAction(kind, 'created') }, claim);
        return { status: 201, body: { data: await this.get(id, ADMIN_POST_FORMATS, kind) } };
      },
      // The first attempt created the document but died before answering: answer with it as it is now.
      async (id) => ({ status: 201, body: { data: await this.get(id, ADMIN_POST_FORMATS, kind) } }),
    );
  }

  update(id: string, input: UpdatePostInput | UpdatePageInput, accepted: AcceptedVersions, actor: WriteActor, kind: DocumentKind = 'post') {
    return this.write(kind, id, input, accepted, actor, 'updated');
  }

  async delete(id: string, accepted: AcceptedVersions, actor: WriteActor, kind: DocumentKind = 'post'): Promise<void> {
    const current = await this.row(kind, id, []);
    // Webhook payloads say whether the deleted document was public (its URL then needs purging).
    await this.writes.delete(kind, id, matchVersion(accepted, current.version), actor, { previousStatus: current.status });
  }

  /** Publish now, schedule for later, or publish an import with a past date. If-Match is optional here. */
  async publish(id: string, request: PublishRequest, accepted: AcceptedVersions, actor: WriteActor, kind: DocumentKind = 'post', now = new Date()) {
    const current = await this.row(kind, id, []);
    const version = matchVersion(accepted, current.version);
    const next = planPublish({ status: current.status as PostStatus, publishedAt: current.publishedAt }, request, now);
    const columns = { status: next.status, publishedAt: next.publishedAt };
    await this.writes.update(id, version, { columns }, actor, { action: documentAction(kind, next.verb), details: { publishedAt: next.publishedAt } });
    return this.get(id, ADMIN_POST_FORMATS, kind);
  }

  async unpublish(id: string, accepted: AcceptedVersions, actor: WriteActor, kind: DocumentKind = 'post') {
    const current = await this.row(kind, id, []);
    const version = matchVersion(accepted, current.version);
    const next = planUnpublish({ status: current.status as PostStatus, publishedAt: current.publishedAt });
    await this.writes.update(id, version, { columns: { status: next.status, publishedAt: next.publishedAt } }, actor, { action: documentAction(kind, next.verb) });
    return this.get(id, ADMIN_POST_FORMATS, kind);
  }

  async revisions(id: string, kind: DocumentKind = 'post'): Promise<PostRevisionModel[]> {
    await this.row(kind, id, []);
    return (await this.writes.findRevisions(id)) as unknown as PostRevisionModel[];
  }

  /** Writes a revision's content fields back; the result is recorded as a new revision. */
  async restore(id: string, number: number, accepted: AcceptedVersions, actor: WriteActor, kind: DocumentKind = 'post') {
    await this.row(kind, id, []);
    const revision = await this.writes.findRevision(id, number);
    if (!revision) throw DomainError.notFound(`Revision ${number} of ${kind} ${id}`);
    const input = snapshotToUpdate(revision.snapshot, DOCUMENT_KINDS[kind].labels);
    return this.write(kind, id, input, accepted, actor, 'restored', { fromRevision: number });
  }

  private async write(
    kind: DocumentKind,
    id: string,
    input: UpdatePostInput | UpdatePageInput,
    accepted: AcceptedVersions,
    actor: WriteActor,
    verb: DocumentVerb,
    details?: object,
  ) {
    const current = await this.row(kind, id, ADMIN_POST_FORMATS);
    const version = matchVersion(accepted, current.version);
    const write = await this.withBodyImages(toUpdateWrite(input, current, this.body), current.html ?? null);
    // Webhook payloads name the old slug, so a site can purge or redirect its old URL.
    const renamed = write.slug !== undefined && write.slug !== current.slug ? { previousSlug: current.slug } : {};
    await this.writes.update(id, version, write, actor, { action: documentAction(kind, verb), details: { ...details, ...renamed } });
    return this.get(id, ADMIN_POST_FORMATS, kind);
  }

  /**
   * Library images in a re-rendered body: their `<img>` get sizes, srcset and lazy loading in the stored
   * html, and the write records them in `post_media` (so a media delete sees the use). Unknown library
   * refs stay as written, with no row. A body without library images costs no statement, unless the
   * previous body had some (its rows are then cleared).
   */
  private async withBodyImages<W extends PostWrite<Partial<PostColumns>>>(write: W, previousHtml: string | null): Promise<W> {
    const html = write.columns.html;
    if (html === undefined) return write;
    const publicUrl = this.config.media.publicUrl;
    const refs = libraryImageRefs(html, publicUrl);
    if (refs.length === 0) {
      const hadImages = previousHtml !== null && libraryImageRefs(previousHtml, publicUrl).length > 0;
      return hadImages ? { ...write, bodyMedia: [] } : write;
    }
    const images = await this.images.byIds(refs);
    return { ...write, columns: { ...write.columns, html: decorateLibraryImages(html, images, publicUrl) }, bodyMedia: [...images.keys()] };
  }

  /** A post from a stored JSON response (idempotent replays), with its dates revived. */
  revive(json: unknown): PostModel {
    const post = json as PostModel & Record<'publishedAt' | 'createdAt' | 'updatedAt', string | Date | null>;
    const date = (v: string | Date | null) => (v === null ? null : new Date(v));
    return { ...post, publishedAt: date(post.publishedAt), createdAt: date(post.createdAt)!, updatedAt: date(post.updatedAt)! };
  }

  private async row(kind: DocumentKind, id: string, formats: readonly BodyFormatName[]): Promise<PostRow> {
    const row = await this.reads.findAnyById(kind, id, formats);
    if (!row) throw DomainError.notFound(`${DOCUMENT_KINDS[kind].label} ${id}`);
    return row;
  }
}
