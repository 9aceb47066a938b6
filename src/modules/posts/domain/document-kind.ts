/**
 * Kinds of document stored in `posts` (column `kind`). Everything that differs between them is here, so
 * a third kind is one more entry (plus its enum value in the migration and its thin transports).
 */
export type DocumentKind = 'post' | 'page';

export interface DocumentKindDescriptor {
  kind: DocumentKind;
  /** Capitalised, in error messages ("Page 123 not found") and GraphQL names (createPage). */
  label: 'Post' | 'Page';
  /** Public REST collection (`/api/posts`); the editor's is under `/api/admin`. */
  path: 'posts' | 'pages';
  /** Tags, authors (and their filters): posts only. Pages are site furniture, not bylined. */
  labels: boolean;
  /** In the related-posts lists (and refreshed for them). */
  related: boolean;
  /** In the sitemap and in search. */
  sitemap: boolean;
  search: boolean;
  /** The site URL pattern (`{slug}` placeholder) from config. */
  urlPattern: (site: { postUrlPattern: string; pageUrlPattern: string }) => string;
}

export const DOCUMENT_KINDS: Record<DocumentKind, DocumentKindDescriptor> = {
  post: {
    kind: 'post', label: 'Post', path: 'posts', labels: true, related: true, sitemap: true, search: true,
    urlPattern: (site) => site.postUrlPattern,
  },
  page: {
    kind: 'page', label: 'Page', path: 'pages', labels: false, related: false, sitemap: true, search: true,
    urlPattern: (site) => site.pageUrlPattern,
  },
};

export const SEARCHABLE_KINDS = Object.values(DOCUMENT_KINDS).filter((d) => d.search).map((d) => d.kind);
export const SITEMAP_KINDS = Object.values(DOCUMENT_KINDS).filter((d) => d.sitemap).map((d) => d.kind);

/** Audit actions of documents (webhook events follow from them in the database, see the migrations). */
export type DocumentVerb = 'created' | 'updated' | 'restored' | 'deleted' | 'published' | 'scheduled' | 'unpublished';
export type DocumentAction = `${DocumentKind}.${DocumentVerb}`;

export function documentAction(kind: DocumentKind, verb: DocumentVerb): DocumentAction {
  return `${kind}.${verb}`;
}

/** The audit target type of an action: the document kind it names. */
export function actionKind(action: DocumentAction): DocumentKind {
  return action.slice(0, action.indexOf('.')) as DocumentKind;
}
