import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { DocumentsPublicController } from './documents.controller';
import { GetPostQuery } from './dto/get-post.query';
import { ListPostsQuery } from './dto/list-posts.query';
import { PostResource, PostSummaryResource } from './models/post-resource.model';
import { POST_TRANSPORT } from './post.transport';
import { PostsService } from './posts.service';

@ApiTags('posts')
@Public()
@Controller('api/posts')
export class PostsController extends DocumentsPublicController(
  POST_TRANSPORT,
  { summary: PostSummaryResource, resource: PostResource, listQuery: ListPostsQuery, getQuery: GetPostQuery },
  { list: 'List published posts (newest first by default), with tags, authors and reading time.' },
) {
  constructor(posts: PostsService) {
    super(posts);
  }
}
