import { ArgsType, Field, GraphQLISODateTime, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../../common/pagination/page.query';
import { PostOrder } from '../domain/post-listing';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export enum PostOrderBy {
  PUBLISHED_AT_DESC = 'publishedAt:desc',
  PUBLISHED_AT_ASC = 'publishedAt:asc',
  UPDATED_AT_DESC = 'updatedAt:desc',
  TITLE_ASC = 'title:asc',
}
registerEnumType(PostOrderBy, { name: 'PostOrderBy' });

@InputType('PostFilter')
export class PostFilterInput {
  @Field(() => [String], { nullable: true, description: 'Any of these tag slugs.' })
  @IsOptional() @ArrayMinSize(1, { message: 'tag must name at least one tag' }) @ArrayMaxSize(20)
  @Matches(SLUG, { each: true, message: 'tag must be a slug' })
  tag?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these author slugs.' })
  @IsOptional() @ArrayMinSize(1, { message: 'author must name at least one author' }) @ArrayMaxSize(20)
  @Matches(SLUG, { each: true, message: 'author must be a slug' })
  author?: string[];

  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean()
  featured?: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate()
  publishedAfter?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate()
  publishedBefore?: Date;
}

@ArgsType()
export class PostsArgs {
  @Field(() => Int, { nullable: true, description: `Page size (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}).` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_LIMIT)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor (endCursor of the previous page); not with `page`.' })
  @IsOptional() @IsString() @MaxLength(512)
  after?: string;

  @Field(() => Int, { nullable: true, description: 'Page number, from 1; not with `after`.' })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  @Field(() => PostFilterInput, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => PostFilterInput)
  filter?: PostFilterInput;

  @Field(() => PostOrderBy, { nullable: true, defaultValue: PostOrderBy.PUBLISHED_AT_DESC })
  @IsOptional() @IsEnum(PostOrderBy)
  orderBy?: PostOrderBy;

  get order(): PostOrder {
    return postOrderOf(this.orderBy);
  }
}

/** The listing order an `orderBy` argument asks for (the GraphQL enum values are the REST order names). */
export function postOrderOf(orderBy: PostOrderBy | undefined): PostOrder {
  return (orderBy ?? PostOrderBy.PUBLISHED_AT_DESC) as PostOrder;
}
