/**
 * Events a webhook can subscribe to. `tag.*` stands for every tag event. The mapping from audit
 * actions lives in the database (webhook_event_for_action), so every write path emits them.
 */
export const WEBHOOK_EVENTS = [
  'post.published',
  'post.updated',
  'post.unpublished',
  'post.deleted',
  'tag.created',
  'tag.updated',
  'tag.deleted',
  'tag.*',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
