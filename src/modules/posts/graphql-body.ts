import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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
