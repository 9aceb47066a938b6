import { Injectable } from '@nestjs/common';
import { assertIfMatch, missingIfMatch, staleEtag } from '../../common/concurrency/updated-at-etag';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import type { AuditActor } from '../audit/audit.service';
import { toSlug } from '../content-body/domain/slug';
import { uniqueSlug } from '../content-body/domain/unique-slug';
import { CreateAuthorInput } from './dto/create-author.input';
import { UpdateAuthorInput } from './dto/update-author.input';
import { AdminAuthorModel } from './models/admin-author.model';
import { toAdminAuthorModel } from './author.mapper';
import { AuthorWritesRepository } from './author-writes.repository';
import { AuthorsRepository } from './authors.repository';

/** Attempts at a generated slug when concurrent creates race for the same one. */
const GENERATED_SLUG_ATTEMPTS = 3;
const WHAT = 'author';

/** Editor use cases for authors, shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class AuthorsAdminService {
  constructor(
    private readonly authors: AuthorsRepository,
    private readonly writes: AuthorWritesRepository,
  ) {}

  async list(options: { limit?: number; page?: number }): Promise<Paginated<AdminAuthorModel>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.authors.findAllPage((page - 1) * limit, limit);
    return { items: rows.map(toAdminAuthorModel), total, page: pageMeta(limit, page, total) };
  }

  async get(id: string): Promise<AdminAuthorModel> {
    const row = await this.authors.findAnyById(id);
    if (!row) throw DomainError.notFound(`Author ${id}`);
    return toAdminAuthorModel(row);
  }

  async create(input: CreateAuthorInput, actor: AuditActor): Promise<AdminAuthorModel> {
    const fields = {
      name: input.name.trim(),
      bio: input.bio ?? null,
      avatarUrl: input.avatarUrl ?? null,
      website: input.website ?? null,
    };
    const audit = { ...actor, action: 'author.created' };
    if (input.slug !== undefined) return toAdminAuthorModel(await this.writes.insert({ ...fields, slug: input.slug }, audit));
    const base = toSlug(fields.name) || 'author';
    for (let attempt = 1; ; attempt++) {
      const slug = uniqueSlug(base, await this.writes.slugsInFamily(base));
      try {
        return toAdminAuthorModel(await this.writes.insert({ ...fields, slug }, audit));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === ErrorCode.CONFLICT) || attempt >= GENERATED_SLUG_ATTEMPTS) throw error;
      }
    }
  }

  async update(id: string, input: UpdateAuthorInput, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminAuthorModel> {
    const current = await this.requireCurrent(id, ifMatch);
    const data = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.bio !== undefined ? { bio: input.bio } : {}),
      ...(input.avatarUrl !== undefined ? { avatarUrl: input.avatarUrl } : {}),
      ...(input.website !== undefined ? { website: input.website } : {}),
    };
    if (Object.keys(data).length === 0) {
      throw DomainError.validation('Give at least one of "name", "slug", "bio", "avatarUrl" or "website".');
    }
    const row = await this.writes.update(id, current, data, { ...actor, action: 'author.updated' });
    if (!row) throw staleEtag(WHAT);
    return toAdminAuthorModel(row);
  }

  /** Removes the author from every post and deletes the profile. */
  async delete(id: string, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminAuthorModel> {
    const current = await this.requireCurrent(id, ifMatch);
    const row = await this.writes.delete(id, current, { ...actor, action: 'author.deleted' });
    if (!row) throw staleEtag(WHAT);
    return toAdminAuthorModel(row);
  }

  /** 428 without If-Match, 404 for an unknown author, 412 for a stale one; else the updatedAt to write against. */
  private async requireCurrent(id: string, ifMatch: string | null | undefined): Promise<Date> {
    if (!ifMatch?.trim()) throw missingIfMatch(WHAT);
    const row = await this.authors.findAnyById(id);
    if (!row) throw DomainError.notFound(`Author ${id}`);
    assertIfMatch(ifMatch, id, row.updatedAt, WHAT);
    return row.updatedAt;
  }
}
