import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { GraphQLContext } from '../../common/graphql/graphql-context';
import type { DocumentModel } from './models/post.model';
import type { PostLoaders } from './posts.loaders';
import type { PostsAdminService } from './posts-admin.service';

const BODY_FIELDS = ['html', 'plaintext', 'markdown', 'toc'];

/** Whether the operation asks for a post body field anywhere below the current field (fragments included). */
export function graphqlSelectsBody(info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === 'Field') return BODY_FIELDS.includes(s.name.value) || walk(s.selectionSet);
      if (s.kind === 'InlineFragment') return walk(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return walk(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}

/**
 * Body fields resolve through a published-only loader; prime it for editor results of any status
 * (one statement, only when a body field is selected). Returns the first document.
 */
export async function exposeBodies<T extends DocumentModel>(
  admin: Pick<PostsAdminService, 'bodiesOf'>,
  docs: T[],
  info: GraphQLResolveInfo,
  ctx: GraphQLContext<PostLoaders>,
): Promise<T> {
  if (graphqlSelectsBody(info) && docs.length) {
    const bodies = await admin.bodiesOf(docs.map((d) => d.id));
    for (const [id, body] of bodies) ctx.loaders.body.clear(id).prime(id, body);
  }
  return docs[0];
}
