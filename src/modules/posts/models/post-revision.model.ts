import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FeatureImage, PostStatus, Seo } from './post.model';

@ApiSchema({ name: 'PostSnapshot', description: 'Every editable field of a post as it was after one write.' })
@ObjectType('PostSnapshot', { description: 'Every editable field of a post as it was after one write.' })
export class PostSnapshotModel {
  @ApiProperty() @Field() title: string;
  @ApiProperty() @Field() slug: string;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) markdown: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The HTML source of HTML-authored posts (null for Markdown).' })
  @Field(() => String, { nullable: true })
  html: string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) customExcerpt: string | null;
  @ApiProperty({ enum: PostStatus, enumName: 'PostStatus' }) @Field(() => PostStatus) status: PostStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) @Field(() => String, { nullable: true }) publishedAt: string | null;
  @ApiProperty() @Field() featured: boolean;
  @ApiProperty({ type: FeatureImage, nullable: true }) @Field(() => FeatureImage, { nullable: true }) featureImage: FeatureImage | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) canonicalUrl: string | null;
  @ApiProperty({ type: Seo }) @Field(() => Seo) seo: Seo;
  @ApiProperty({ type: [String], description: 'Tag slugs in order.' }) @Field(() => [String]) tags: string[];
  @ApiProperty({ type: [String], description: 'Author slugs in order.' }) @Field(() => [String]) authors: string[];
}

@ApiSchema({ name: 'PostRevision', description: 'A numbered snapshot stored by every successful write of a post.' })
@ObjectType('PostRevision', { description: 'A numbered snapshot stored by every successful write of a post.' })
export class PostRevisionModel {
  @ApiProperty({ description: '1, 2, 3, … per post.' }) @Field(() => Int) number: number;
  @ApiProperty({ type: String, format: 'date-time' }) @Field(() => GraphQLISODateTime) createdAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The API token that made the change.' })
  @Field(() => ID, { nullable: true })
  tokenId: string | null;
  @ApiProperty({ type: PostSnapshotModel }) @Field(() => PostSnapshotModel) snapshot: PostSnapshotModel;
}
