import { DomainError } from '../../common/errors/domain-error';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import type { LabelReadRows } from './data/label-read-model';
import type { LabelsDependencies } from './labels-dependencies';
import type { LabelKind } from './label-kind';
import type { LabelSpec } from './label-spec';
import type { LabelModel } from './models/label.model';

/**
 * Whether posts carry their labels' images and social links. Public post reads embed labels through
 * the post read model (posts/data/post-read-model.ts, with `labelJson`), and editor reads and
 * webhook payloads must show a post exactly as the public read does.
 */
export const POSTS_EMBED_LABEL_EXTRAS = true;

/** Public label use cases of one kind, shared by its REST controller and GraphQL resolver. */
export abstract class LabelsService<K extends LabelKind, M extends LabelModel> {
  private readonly labels: LabelsDependencies['reads'];

  protected constructor(
    private readonly spec: LabelSpec<K, M, unknown, unknown>,
    private readonly dependencies: LabelsDependencies,
  ) {
    this.labels = dependencies.reads;
  }

  async listPublic(options: { limit?: number; page?: number }): Promise<Paginated<M>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.labels.findPublicPage(this.spec.kind, (page - 1) * limit, limit);
    return { items: rows.map((row) => this.present(row)), total, page: pageMeta(limit, page, total) };
  }

  async getPublicById(id: string): Promise<M> {
    const row = await this.labels.findPublicById(this.spec.kind, id);
    if (!row) throw DomainError.notFound(`${this.spec.title} ${id}`);
    return this.present(row);
  }

  async getPublicBySlug(slug: string): Promise<M> {
    const row = await this.labels.findPublicBySlug(this.spec.kind, slug);
    if (!row) throw DomainError.notFound(`${this.spec.title} "${slug}"`);
    return this.present(row);
  }

  /** Labels of many posts (any status) in one statement, in each post's order. */
  protected async forPosts(postIds: readonly string[]): Promise<Map<string, M[]>> {
    const byPost = await this.labels.findByPostIds(this.spec.kind, postIds);
    const embed = (row: LabelReadRows[K]) => (POSTS_EMBED_LABEL_EXTRAS ? this.present(row) : this.withoutExtras(this.present(row)));
    return new Map([...byPost].map(([postId, rows]) => [postId, rows.map(embed)]));
  }

  private withoutExtras(model: M): M {
    const trimmed: Partial<M> = { ...model };
    for (const key of this.spec.extras) delete trimmed[key];
    return trimmed as M;
  }

  /** The public model of a row read with `labelJson` (also for rows other modules' SQL embeds). */
  present(row: LabelReadRows[K]): M {
    return this.spec.toModel(row, this.dependencies.images);
  }
}
