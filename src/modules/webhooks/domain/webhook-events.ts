/**
 * Events a webhook can subscribe to. `tag.*` stands for every tag event. The mapping from audit
 * actions lives in the database (webhook_event_for_action), so every write path emits them.
 */
export const WEBHOOK_EVENTS = [
  'post.published',
  'post.updated',
  'post.unpublished',
  'post.deleted',
  'page.published',
  'page.updated',
  'page.unpublished',
  'page.deleted',
  'page.*',
  'tag.created',
  'tag.updated',
  'tag.deleted',
  'tag.*',
  'media.created',
  'media.updated',
  'media.deleted',
  'media.*',
  'settings.updated',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What an event says about its post, as captured in the writing transaction (see the migration). */
export interface PostEventData {
  /** The document kind: pages are described exactly like posts. */
  type: 'post' | 'page';
  id: string;
  slug: string;
  /** DRAFT, SCHEDULED, PUBLISHED, or DELETED for `post.deleted`. */
  status: string;
  version: number;
  publishedAt: string | null;
  previousSlug?: string;
  /** `post.deleted` only: the status the post had before it was deleted. */
  previousStatus?: string;
}

/** A post event as sent: with the URLs a build or CDN acts on, and the public post when there is one. */
export interface CompletedPostEventData extends PostEventData {
  url: string;
  previousUrl?: string;
  /** Site URLs whose cached pages are stale or gone after this event; empty when nothing public changed. */
  purge: string[];
  /** The post as `GET /api/posts/:id` shows it, when the event left it published. */
  post?: unknown;
}

export function isPostEventData(data: unknown): data is PostEventData {
  const candidate = data as Partial<PostEventData> | null;
  return (candidate?.type === 'post' || candidate?.type === 'page') && typeof candidate.slug === 'string' && typeof candidate.id === 'string';
}

export function isCompleted(data: PostEventData): data is CompletedPostEventData {
  return typeof (data as Partial<CompletedPostEventData>).url === 'string';
}

/** Adds URLs and purge list to a post event; `post` is its public representation, if it is published. */
export function completePostEventData(
  event: string,
  data: PostEventData,
  urlOf: (slug: string) => string,
  post?: unknown,
): CompletedPostEventData {
  const url = urlOf(data.slug);
  const previousUrl = data.previousSlug && data.previousSlug !== data.slug ? urlOf(data.previousSlug) : undefined;
  const wasOrIsPublic = data.status === 'PUBLISHED' || event.endsWith('.unpublished') || data.previousStatus === 'PUBLISHED';
  const purge = wasOrIsPublic ? [url, ...(previousUrl ? [previousUrl] : [])] : [];
  return {
    ...data,
    url,
    ...(previousUrl ? { previousUrl } : {}),
    purge,
    ...(post !== undefined && data.status === 'PUBLISHED' ? { post } : {}),
  };
}
