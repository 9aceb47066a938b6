import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import { TagModel } from './models/tag.model';
import { TagsRepository } from './tags.repository';

/** Tag use cases shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class TagsService {
  constructor(private readonly tags: TagsRepository) {}

  async listPublic(options: { limit?: number; page?: number }): Promise<Paginated<TagModel>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.tags.findPublicPage((page - 1) * limit, limit);
    return { items: rows, total, page: pageMeta(limit, page, total) };
  }

  async getPublicById(id: string): Promise<TagModel> {
    const row = await this.tags.findPublicById(id);
    if (!row) throw DomainError.notFound(`Tag ${id}`);
    return row;
  }

  async getPublicBySlug(slug: string): Promise<TagModel> {
    const row = await this.tags.findPublicBySlug(slug);
    if (!row) throw DomainError.notFound(`Tag "${slug}"`);
    return row;
  }

  tagsForPosts(postIds: readonly string[]): Promise<Map<string, TagModel[]>> {
    return this.tags.findByPostIds(postIds);
  }
}
