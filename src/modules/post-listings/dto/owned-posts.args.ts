import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../../common/pagination/page.query';

@ArgsType()
export class OwnedPostsArgs {
  @Field(() => Int, { nullable: true, description: `Page size (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}).` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_LIMIT)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor (endCursor of the previous page).' })
  @IsOptional() @IsString() @MaxLength(512)
  after?: string;
}
