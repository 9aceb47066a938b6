import { ArgsType, Field, OmitType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { PostStatus } from '../models/post.model';
import { PostOrder } from '../domain/post-listing';
import { PostsArgs, postOrderOf } from './posts.args';

/** `posts` arguments plus a status filter; admin lists paginate by page only (no `after`, see the REST query). */
@ArgsType()
export class AdminPostsArgs extends OmitType(PostsArgs, ['after'] as const, ArgsType) {
  @Field(() => [PostStatus], { nullable: true, description: 'Only these statuses (default: all).' })
  @IsOptional() @ArrayMaxSize(3) @IsEnum(PostStatus, { each: true })
  status?: PostStatus[];

  // Mapped types copy fields and their validation, not accessors.
  override get order(): PostOrder {
    return postOrderOf(this.orderBy);
  }
}
