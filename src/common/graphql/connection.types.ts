import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../pagination/page.query';

@ObjectType('PageInfo')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string | null; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

/** Builds a Relay-style connection type (`edges`, `nodes`, `pageInfo`, `totalCount`) for a node type. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { nullable: true, description: 'Opaque cursor of this node (null in page mode).' })
    cursor: string | null;
    @Field(() => node) node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => [node]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { nullable: true, description: 'Total matching items (page mode, or when selected).' })
    totalCount: number | null;
  }
  return ConnectionType;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Items per page (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}).` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @Field(() => Int, { nullable: true, description: 'Page number, from 1.' })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;
}
