import { ArgsType, Field, InputType, OmitType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PostOrder } from '../domain/post-listing';
import { PostStatus } from '../models/post.model';
import { PostFilterInput, PostsArgs, postOrderOf } from './posts.args';

@InputType('PageFilter')
export class PageFilterInput extends OmitType(PostFilterInput, ['tag', 'author'] as const, InputType) {}

/** `posts` arguments with the page filter (no tag or author). */
@ArgsType()
export class PagesArgs extends OmitType(PostsArgs, ['filter'] as const, ArgsType) {
  @Field(() => PageFilterInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => PageFilterInput)
  filter?: PageFilterInput;

  // Mapped types copy fields and their validation, not accessors.
  override get order(): PostOrder {
    return postOrderOf(this.orderBy);
  }
}

/** `pages` arguments plus a status filter; page pagination only, as for admin posts. */
@ArgsType()
export class AdminPagesArgs extends OmitType(PagesArgs, ['after'] as const, ArgsType) {
  @Field(() => [PostStatus], { nullable: true, description: 'Only these statuses (default: all).' })
  @IsOptional() @ArrayMaxSize(3) @IsEnum(PostStatus, { each: true })
  status?: PostStatus[];

  override get order(): PostOrder {
    return postOrderOf(this.orderBy);
  }
}
