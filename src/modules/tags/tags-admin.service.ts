import { Injectable } from '@nestjs/common';
import { assertIfMatch, missingIfMatch, staleEtag } from '../../common/concurrency/updated-at-etag';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import type { AuditActor } from '../audit/audit.service';
import { toSlug } from '../content-body/domain/slug';
import { uniqueSlug } from '../content-body/domain/unique-slug';
import { CreateTagInput } from './dto/create-tag.input';
import { UpdateTagInput } from './dto/update-tag.input';
import { AdminTagModel } from './models/admin-tag.model';
import { toAdminTagModel } from './tag.mapper';
import { TagWritesRepository } from './tag-writes.repository';
import { TagsRepository } from './tags.repository';

/** Attempts at a generated slug when concurrent creates race for the same one. */
const GENERATED_SLUG_ATTEMPTS = 3;
const WHAT = 'tag';

/** Editor use cases for tags, shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class TagsAdminService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly writes: TagWritesRepository,
  ) {}

  async list(options: { limit?: number; page?: number }): Promise<Paginated<AdminTagModel>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.tags.findAllPage((page - 1) * limit, limit);
    return { items: rows.map(toAdminTagModel), total, page: pageMeta(limit, page, total) };
  }

  async get(id: string): Promise<AdminTagModel> {
    const row = await this.tags.findAnyById(id);
    if (!row) throw DomainError.notFound(`Tag ${id}`);
    return toAdminTagModel(row);
  }

  async create(input: CreateTagInput, actor: AuditActor): Promise<AdminTagModel> {
    const fields = { name: input.name.trim(), description: input.description ?? null };
    const audit = { ...actor, action: 'tag.created' };
    if (input.slug !== undefined) return toAdminTagModel(await this.writes.insert({ ...fields, slug: input.slug }, audit));
    const base = toSlug(fields.name) || 'tag';
    for (let attempt = 1; ; attempt++) {
      const slug = uniqueSlug(base, await this.writes.slugsInFamily(base));
      try {
        return toAdminTagModel(await this.writes.insert({ ...fields, slug }, audit));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === ErrorCode.CONFLICT) || attempt >= GENERATED_SLUG_ATTEMPTS) throw error;
      }
    }
  }

  async update(id: string, input: UpdateTagInput, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminTagModel> {
    const current = await this.requireCurrent(id, ifMatch);
    const data = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    if (Object.keys(data).length === 0) throw DomainError.validation('Give at least one of "name", "slug" or "description".');
    const row = await this.writes.update(id, current, data, { ...actor, action: 'tag.updated' });
    if (!row) throw staleEtag(WHAT);
    return toAdminTagModel(row);
  }

  /** Removes the tag from every post (their related posts and search entries follow) and deletes it. */
  async delete(id: string, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminTagModel> {
    const current = await this.requireCurrent(id, ifMatch);
    const row = await this.writes.delete(id, current, { ...actor, action: 'tag.deleted' });
    if (!row) throw staleEtag(WHAT);
    return toAdminTagModel(row);
  }

  /** 428 without If-Match, 404 for an unknown tag, 412 for a stale one; else the updatedAt to write against. */
  private async requireCurrent(id: string, ifMatch: string | null | undefined): Promise<Date> {
    if (!ifMatch?.trim()) throw missingIfMatch(WHAT);
    const row = await this.tags.findAnyById(id);
    if (!row) throw DomainError.notFound(`Tag ${id}`);
    assertIfMatch(ifMatch, id, row.updatedAt, WHAT);
    return row.updatedAt;
  }
}
