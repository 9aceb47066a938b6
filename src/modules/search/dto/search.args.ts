import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_LIMIT } from './search.query';

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Search text, web-search syntax: "exact phrase", -exclude, or (1–200 characters).' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @Length(1, 200, { message: 'query must be 1–200 characters (after trimming)' }) @Matches(/^[^\u0000]*$/)
  query: string;

  @Field(() => Int, { nullable: true, description: `Page size (1–${SEARCH_LIMIT.max}, default ${SEARCH_LIMIT.default}).` })
  @IsOptional() @IsInt() @Min(1) @Max(SEARCH_LIMIT.max)
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page of the same query.' })
  @IsOptional() @IsString() @MaxLength(512)
  after?: string;
}
