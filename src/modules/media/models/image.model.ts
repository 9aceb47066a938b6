import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'FocalPoint', description: 'Where the subject is, as fractions (0..1) of width and height.' })
@ObjectType('FocalPoint', { description: 'Where the subject is, as fractions (0..1) of width and height.' })
export class FocalPointModel {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.5 }) @Field(() => Float)
  x: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.33 }) @Field(() => Float)
  y: number;
}

@ApiSchema({ name: 'ImageVariant', description: 'One resized rendition of a library image.' })
@ObjectType('ImageVariant', { description: 'One resized rendition of a library image.' })
export class ImageVariantModel {
  @ApiProperty({ example: 'https://example.com/media/2026/11/5b0c/w640.webp' }) @Field()
  url: string;

  @ApiProperty({ example: 640 }) @Field(() => Int)
  width: number;

  @ApiProperty({ example: 427 }) @Field(() => Int)
  height: number;

  @ApiProperty({ example: 'webp', description: '`webp`, `avif` or the original format (`jpeg`, `png`, `gif`).' })
  @Field({ description: '`webp`, `avif` or the original format (`jpeg`, `png`, `gif`).' })
  format: string;

  @ApiProperty({ example: 38211 }) @Field(() => Int)
  bytes: number;
}

const IMAGE_DESCRIPTION =
  'An image with what a frontend needs to lay it out before it loads. Images from the media library have ' +
  'dimensions, variants, a placeholder and a dominant colour; an image given only as a URL has `url`, `alt` and `caption`.';

@ApiSchema({ name: 'Image', description: IMAGE_DESCRIPTION })
@ObjectType('Image', { description: IMAGE_DESCRIPTION })
export class ImageModel {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The media library item, if the image is one.' })
  @Field(() => ID, { nullable: true, description: 'The media library item, if the image is one.' })
  mediaId: string | null;

  @ApiProperty({ example: 'https://example.com/media/2026/11/5b0c/original.jpg' }) @Field()
  url: string;

  @ApiProperty({ type: Number, nullable: true, example: 2400 }) @Field(() => Int, { nullable: true })
  width: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1600 }) @Field(() => Int, { nullable: true })
  height: number | null;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  alt: string | null;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  caption: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'For `<img srcset>`: the variants in the original format.' })
  @Field(() => String, { nullable: true, description: 'For `<img srcset>`: the variants in the original format.' })
  srcset: string | null;

  @ApiProperty({ type: [ImageVariantModel] }) @Field(() => [ImageVariantModel])
  variants: ImageVariantModel[];

  @ApiProperty({ type: String, nullable: true, description: 'ThumbHash (base64) of the image: a tiny blurred preview.' })
  @Field(() => String, { nullable: true, description: 'ThumbHash (base64) of the image: a tiny blurred preview.' })
  placeholder: string | null;

  @ApiProperty({ type: String, nullable: true, example: '#3a5f7d' }) @Field(() => String, { nullable: true })
  dominantColor: string | null;

  @ApiProperty({ type: FocalPointModel, nullable: true }) @Field(() => FocalPointModel, { nullable: true })
  focalPoint: FocalPointModel | null;
}
