import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../../common/graphql/connection.types';
import { PostModel } from '../../posts/models/post.model';

@ObjectType('SearchHit', { description: 'One search result: the post, its relevance and a highlighted excerpt of its body.' })
export class SearchHitModel {
  @Field(() => PostModel) post: PostModel;

  @ApiProperty({ description: 'ts_rank_cd relevance (higher is better); only comparable within one query.' })
  @Field(() => Float, { description: 'Relevance (higher is better); only comparable within one query.' })
  rank: number;

  @ApiProperty({ description: 'Up to two fragments of the body, matches wrapped in <mark>; HTML-escaped otherwise.' })
  @Field({ description: 'Up to two fragments of the body, matches wrapped in <mark>; HTML-escaped otherwise.' })
  snippet: string;
}

@ObjectType('SearchConnection')
export class SearchConnection extends Connection(SearchHitModel, 'Search') {}
