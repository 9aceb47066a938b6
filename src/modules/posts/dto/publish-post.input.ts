import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsOptional } from 'class-validator';
import { ToDate } from './to-date.transform';

/** Publish now, schedule (`publishAt` in the future) or publish an import with a past date (`publishedAt`). */
@InputType('PublishPostInput')
export class PublishPostInput {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'In the future: schedule (SCHEDULED). Absent or past: publish now.' })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'In the future: schedule (SCHEDULED). Absent or past: publish now.' })
  @IsOptional() @ToDate() @IsDate({ message: 'publishAt must be an ISO-8601 date-time' })
  publishAt?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Publish now but dated in the past (imported archives). Not with publishAt.' })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Publish now but dated in the past (imported archives). Not with publishAt.' })
  @IsOptional() @ToDate() @IsDate({ message: 'publishedAt must be an ISO-8601 date-time' })
  publishedAt?: Date;
}
