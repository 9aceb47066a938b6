import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { AuthorModel } from '../authors/models/author.model';
import { AuthorsService } from '../authors/authors.service';
import { TagModel } from '../tags/models/tag.model';
import { TagsService } from '../tags/tags.service';
import { PostBody } from './models/post.model';
import { PostsService } from './posts.service';

/** Per-request batchers: each field below costs one statement per request, whatever the page size. */
export interface PostLoaders {
  tags: DataLoader<string, TagModel[]>;
  authors: DataLoader<string, AuthorModel[]>;
  body: DataLoader<string, PostBody | null>;
}

@Injectable()
export class PostLoadersFactory {
  constructor(
    private readonly posts: PostsService,
    private readonly tags: TagsService,
    private readonly authors: AuthorsService,
  ) {}

  create(): PostLoaders {
    return {
      tags: new DataLoader(async (ids) => {
        const byPost = await this.tags.tagsForPosts(ids);
        return ids.map((id) => byPost.get(id) ?? []);
      }),
      authors: new DataLoader(async (ids) => {
        const byPost = await this.authors.authorsForPosts(ids);
        return ids.map((id) => byPost.get(id) ?? []);
      }),
      body: new DataLoader(async (ids) => {
        const bodies = await this.posts.bodiesOf(ids);
        return ids.map((id) => bodies.get(id) ?? null);
      }),
    };
  }
}
