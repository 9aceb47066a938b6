import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { PostStatus } from '../models/post.model';
import { PostsArgs } from './posts.args';

/** `posts` arguments plus a status filter; admin lists paginate by page. */
@ArgsType()
export class AdminPostsArgs extends PostsArgs {
  @Field(() => [PostStatus], { nullable: true, description: 'Only these statuses (default: all).' })
  @IsOptional() @ArrayMaxSize(3) @IsEnum(PostStatus, { each: true })
  status?: PostStatus[];
}
