import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import { AuthorModel } from './models/author.model';
import { AuthorsRepository } from './authors.repository';

/** Author use cases shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class AuthorsService {
  constructor(private readonly authors: AuthorsRepository) {}

  async listPublic(options: { limit?: number; page?: number }): Promise<Paginated<AuthorModel>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.authors.findPublicPage((page - 1) * limit, limit);
    return { items: rows, total, page: pageMeta(limit, page, total) };
  }

  async getPublicById(id: string): Promise<AuthorModel> {
    const row = await this.authors.findPublicById(id);
    if (!row) throw DomainError.notFound(`Author ${id}`);
    return row;
  }

  async getPublicBySlug(slug: string): Promise<AuthorModel> {
    const row = await this.authors.findPublicBySlug(slug);
    if (!row) throw DomainError.notFound(`Author "${slug}"`);
    return row;
  }

  authorsForPosts(postIds: readonly string[]): Promise<Map<string, AuthorModel[]>> {
    return this.authors.findByPostIds(postIds);
  }
}
