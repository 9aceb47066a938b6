import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../../common/graphql/connection.types';
import { PageModel, PostModel } from '../../posts/models/post.model';

/** The kind of a found document (the values are the REST `type` strings). */
export enum DocumentType {
  post = 'post',
  page = 'page',
}
registerEnumType(DocumentType, { name: 'DocumentType', description: 'What a search hit found: a post or a page.' });

@ObjectType('SearchHit', { description: 'One search result: the post or page, its relevance and a highlighted excerpt of its body.' })
export class SearchHitModel {
  @Field(() => DocumentType, { description: 'post or page: which of `post` and `page` is set.' })
  type: DocumentType;

  @Field(() => PostModel, { nullable: true, description: 'The post, when `type` is post.' })
  post?: PostModel;

  @Field(() => PageModel, { nullable: true, description: 'The page, when `type` is page.' })
  page?: PageModel;

  @ApiProperty({ description: 'ts_rank_cd relevance (higher is better); only comparable within one query.' })
  @Field(() => Float, { description: 'Relevance (higher is better); only comparable within one query.' })
  rank: number;

  @ApiProperty({ description: 'Up to two fragments of the body, matches wrapped in <mark>; HTML-escaped otherwise.' })
  @Field({ description: 'Up to two fragments of the body, matches wrapped in <mark>; HTML-escaped otherwise.' })
  snippet: string;
}

@ObjectType('SearchConnection')
export class SearchConnection extends Connection(SearchHitModel, 'Search') {}
