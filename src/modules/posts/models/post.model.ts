import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ImageModel } from '../../media/models/image.model';

export enum PostStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(PostStatus, { name: 'PostStatus' });

@ObjectType('ReadingTime', { description: 'Stored at write time: words ÷ words-per-minute plus time for images.' })
export class ReadingTime {
  @ApiProperty({ description: 'Whole minutes, rounded down, at least 1.' }) @Field(() => Int) minutes: number;
  @ApiProperty() @Field(() => Int) seconds: number;
  @ApiProperty() @Field(() => Int) words: number;
  @ApiProperty() @Field(() => Int) images: number;
}

/** A feature image as a revision snapshot records it: a library image (`mediaId`) or a URL. */
@ObjectType('FeatureImage')
export class FeatureImage {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The media library item, if the image is one.' })
  @Field(() => ID, { nullable: true, description: 'The media library item, if the image is one.' })
  mediaId?: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The image URL (null for a library image).' })
  @Field(() => String, { nullable: true, description: 'The image URL (null for a library image).' })
  url: string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) alt: string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) caption: string | null;
}

@ObjectType('Seo')
export class Seo {
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) ogImage: string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) twitterImage: string | null;
}

@ObjectType('TocEntry', { description: 'A heading of the body, for a table of contents.' })
export class TocEntry {
  @ApiProperty({ description: 'The heading element id in `html`.' }) @Field() id: string;
  @ApiProperty() @Field() text: string;
  @ApiProperty({ minimum: 1, maximum: 6 }) @Field(() => Int) level: number;
}

/** Body formats; loaded only when asked for (REST `formats`, GraphQL selection). */
export interface PostBody {
  html: string;
  plaintext: string;
  markdown: string | null;
  toc: TocEntry[];
}

/** Fields every document kind has (posts and pages); each kind is its own GraphQL type. */
@ObjectType({ isAbstract: true })
export abstract class DocumentModel implements Partial<PostBody> {
  @ApiProperty({ format: 'uuid' }) @Field(() => ID) id: string;
  @ApiProperty() @Field() slug: string;
  @ApiProperty() @Field() title: string;
  @ApiProperty({ description: 'customExcerpt, or generated from the first words of the body.' }) @Field() excerpt: string;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) customExcerpt: string | null;
  @ApiProperty({ enum: PostStatus, enumName: 'PostStatus' }) @Field(() => PostStatus) status: PostStatus;
  @ApiProperty() @Field() featured: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) @Field(() => GraphQLISODateTime) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) @Field(() => GraphQLISODateTime) updatedAt: Date;
  @ApiProperty({ description: 'Incremented on every change; the ETag of editor routes.' }) @Field(() => Int) version: number;
  @ApiProperty({ type: ReadingTime }) @Field(() => ReadingTime) readingTime: ReadingTime;
  @ApiProperty({ type: ImageModel, nullable: true, description: 'A library image (dimensions, srcset, variants, placeholder, ...) or a URL-only image.' })
  @Field(() => ImageModel, { nullable: true, description: 'A library image (dimensions, srcset, variants, placeholder, ...) or a URL-only image.' })
  featureImage: ImageModel | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) canonicalUrl: string | null;
  @ApiProperty({ type: Seo }) @Field(() => Seo) seo: Seo;
  @ApiProperty({ description: 'Where it lives on the website: SITE_URL with POST_URL_PATTERN (PAGE_URL_PATTERN for pages).', example: 'https://blog.example/the-case-for-the-long-read/' })
  url?: string;

  // Body fields: resolved on demand in GraphQL, present in REST when requested with `formats`.
  @ApiPropertyOptional({ description: 'Sanitized HTML body.' }) html?: string;
  @ApiPropertyOptional() plaintext?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Markdown source (null for HTML-authored posts).' })
  markdown?: string | null;
  @ApiPropertyOptional({ type: [TocEntry] }) toc?: TocEntry[];
}

@ObjectType('Post')
export class PostModel extends DocumentModel {}

@ObjectType('Page', { description: 'A page (About, Contact): a document like a post, without tags, authors or related posts, and not in lists or feeds.' })
export class PageModel extends DocumentModel {}
