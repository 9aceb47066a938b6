/** What the media library writes to the audit log; each is also a webhook event of the same name. */
export type MediaAuditAction = 'media.created' | 'media.updated' | 'media.deleted';
