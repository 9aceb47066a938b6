import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ImageModel } from '../../media/models/image.model';
import { ReadingTime } from '../../posts/models/post.model';
import { TagModel } from '../../tags/models/tag.model';

/** REST shape of one related post: what a "related posts" footer renders. */
@ApiSchema({ name: 'RelatedPost', description: 'What a "related posts" footer renders.' })
export class RelatedPostSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Where the post lives on the website.' }) url: string;
  @ApiProperty() excerpt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: ReadingTime }) readingTime: ReadingTime;
  @ApiProperty({ type: ImageModel, nullable: true }) featureImage: ImageModel | null;
  @ApiProperty({ type: [TagModel] }) tags: TagModel[];
  @ApiProperty({ type: TagModel, nullable: true }) primaryTag: TagModel | null;
}
