import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Connection } from '../../../common/graphql/connection.types';
import { ImageModel } from './image.model';

const DESCRIPTION =
  'An image in the media library: the `Image` every read returns (url, dimensions, srcset, variants, placeholder, ' +
  'dominant colour, focal point) plus what the editor API knows of the upload.';

@ApiSchema({ name: 'MediaItem', description: DESCRIPTION })
@ObjectType('MediaItem', { description: DESCRIPTION })
export class MediaItemModel extends ImageModel {
  @ApiProperty({ format: 'uuid' }) @Field()
  id: string;

  @ApiProperty({ example: 'harbour.jpg', description: 'The uploaded file name (informational; the content decides the type).' })
  @Field({ description: 'The uploaded file name (informational; the content decides the type).' })
  filename: string;

  @ApiProperty({ example: 'image/jpeg', enum: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'] })
  @Field({ description: 'Detected from the content: image/jpeg, image/png, image/gif, image/webp or image/avif.' })
  mimeType: string;

  @ApiProperty({ example: 482113, description: 'Size of the stored original (re-encoded without metadata).' })
  @Field(() => Int, { description: 'Size of the stored original (re-encoded without metadata).' })
  bytes: number;

  @ApiProperty({ format: 'date-time' }) @Field()
  createdAt: string;

  @ApiProperty({ format: 'date-time' }) @Field()
  updatedAt: string;

  @ApiProperty({ example: '"5b0c…:1764000000000"', description: 'Pass as If-Match (REST) or ifMatch (GraphQL) to update or delete.' })
  @Field({ description: 'Current ETag; pass it as `ifMatch` to updateMedia / deleteMedia.' })
  etag: string;
}

@ObjectType('MediaConnection')
export class MediaConnection extends Connection(MediaItemModel, 'Media') {}
