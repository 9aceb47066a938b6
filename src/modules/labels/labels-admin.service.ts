import { assertIfMatch, missingIfMatch, staleEtag, updatedAtEtag } from '../../common/concurrency/updated-at-etag';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import type { AuditActor } from '../audit/audit.service';
import { toSlug } from '../content-body/domain/slug';
import { uniqueSlug } from '../content-body/domain/unique-slug';
import type { AdminLabelRow } from './data/label-read-model';
import type { LabelFields } from './data/label-writes.repository';
import type { LabelsDependencies } from './labels-dependencies';
import { mergeSocialLinks } from './domain/social-links';
import type { LabelKind } from './label-kind';
import type { LabelSpec } from './label-spec';
import { given } from './label-spec';
import type { LabelModel } from './models/label.model';
import type { SocialLinksInput } from './dto/social-links.input';

/** Attempts at a generated slug when concurrent creates race for the same one. */
const GENERATED_SLUG_ATTEMPTS = 3;

/** The editor's view of a label model: the public fields plus timestamps and ETag. */
export type AdminOf<M> = M & { createdAt: string; updatedAt: string; etag: string };

interface SharedCreate { name: string; slug?: string; social?: SocialLinksInput | null }
interface SharedUpdate { name?: string; slug?: string; social?: SocialLinksInput | null }

/** Editor use cases for labels of one kind, shared by its REST controller and GraphQL resolver. */
export abstract class LabelsAdminService<K extends LabelKind, M extends LabelModel, C extends SharedCreate, U extends SharedUpdate> {
  private readonly labels: LabelsDependencies['reads'];
  private readonly writes: LabelsDependencies['writes'];
  private readonly images: LabelsDependencies['images'];

  protected constructor(
    private readonly spec: LabelSpec<K, M, C, U>,
    dependencies: LabelsDependencies,
  ) {
    ({ reads: this.labels, writes: this.writes, images: this.images } = dependencies);
  }

  async list(options: { limit?: number; page?: number }): Promise<Paginated<AdminOf<M>>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.labels.findAllPage(this.spec.kind, (page - 1) * limit, limit);
    return { items: rows.map((row) => this.toAdmin(row)), total, page: pageMeta(limit, page, total) };
  }

  async get(id: string): Promise<AdminOf<M>> {
    const row = await this.labels.findAnyById(this.spec.kind, id);
    if (!row) throw DomainError.notFound(`${this.spec.title} ${id}`);
    return this.toAdmin(row);
  }

  async create(input: C, actor: AuditActor): Promise<AdminOf<M>> {
    await this.assertImageExists(input);
    const fields = { name: input.name.trim(), social: mergeSocialLinks({}, input.social ?? {}), ...this.spec.ownFields(input) };
    const insert = (slug: string) =>
      this.writes.insert(this.spec.kind, { ...fields, slug } as LabelFields[K], {
        ...actor, action: `${this.spec.kind}.created`, details: { slug, name: fields.name },
      });
    if (input.slug !== undefined) return this.get(await insert(input.slug));
    const base = toSlug(fields.name) || this.spec.kind;
    for (let attempt = 1; ; attempt++) {
      const slug = uniqueSlug(base, await this.writes.slugsInFamily(this.spec.kind, base));
      try {
        return this.get(await insert(slug));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === ErrorCode.CONFLICT) || attempt >= GENERATED_SLUG_ATTEMPTS) throw error;
      }
    }
  }

  async update(id: string, input: U, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminOf<M>> {
    const current = await this.requireCurrent(id, ifMatch);
    await this.assertImageExists(input);
    const data = {
      ...given({
        name: input.name?.trim(),
        slug: input.slug,
        social: input.social === undefined ? undefined : mergeSocialLinks(input.social === null ? {} : current.social, input.social ?? {}),
      }),
      ...this.spec.ownFields(input),
    } as Partial<LabelFields[K]>;
    if (Object.keys(data).length === 0) {
      const names = this.spec.updatable.map((name) => `"${name}"`);
      throw DomainError.validation(`Give at least one of ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}.`);
    }
    // Webhook payloads name the old slug of a renamed label.
    const renamed = data.slug !== undefined && data.slug !== current.slug ? { previousSlug: current.slug } : {};
    const audit = { ...actor, action: `${this.spec.kind}.updated` as const, details: { changed: Object.keys(data), ...renamed } };
    if (!(await this.writes.update(this.spec.kind, id, current.updatedAt, data, audit))) throw staleEtag(this.spec.kind);
    return this.get(id);
  }

  /** Removes the label from every post (their related posts and search entries follow) and deletes it; returns it as it was. */
  async delete(id: string, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminOf<M>> {
    const current = await this.requireCurrent(id, ifMatch);
    const audit = { ...actor, action: `${this.spec.kind}.deleted` as const, details: { slug: current.slug, name: current.name } };
    if (!(await this.writes.delete(this.spec.kind, id, current.updatedAt, audit))) throw staleEtag(this.spec.kind);
    return this.toAdmin(current);
  }

  /** 428 without If-Match, 404 for an unknown label, 412 for a stale one; else the label as it is. */
  private async requireCurrent(id: string, ifMatch: string | null | undefined): Promise<AdminLabelRow<K>> {
    if (!ifMatch?.trim()) throw missingIfMatch(this.spec.kind);
    const row = await this.labels.findAnyById(this.spec.kind, id);
    if (!row) throw DomainError.notFound(`${this.spec.title} ${id}`);
    assertIfMatch(ifMatch, id, row.updatedAt, this.spec.kind);
    return row;
  }

  /** An image id must name a library item (the foreign key would only say "something does not exist"). */
  private async assertImageExists(input: C | U): Promise<void> {
    const mediaId = this.spec.imageIdOf(input);
    if (!mediaId || (await this.images.byIds([mediaId])).has(mediaId)) return;
    const field = this.spec.imageInput;
    throw DomainError.validation(`Invalid input: ${field}.`, [{ field, message: `${field} is not an item of the media library` }]);
  }

  private toAdmin(row: AdminLabelRow<K>): AdminOf<M> {
    return {
      ...this.spec.toModel(row, this.images),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      etag: updatedAtEtag(row.id, row.updatedAt),
    };
  }
}
