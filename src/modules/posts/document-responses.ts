import type { Response } from 'express';
import { one } from '../../common/http/envelopes';
import { pickFields } from '../../common/http/pick-fields';
import type { Paginated } from '../../common/pagination/pagination.types';
import { postEtag } from './domain/post-etag';
import type { StoredResponse } from './post-idempotency.service';

// REST envelopes and headers shared by the post and page controllers (public and editor).

/** A list of documents, each cut to `fields` when given. */
export function documentList<T extends { id: string }>(result: Paginated<T>, fields: readonly string[] | undefined) {
  return { data: result.items.map((doc) => pickFields(doc, fields)), meta: { pagination: result.page ?? result.cursor } };
}

/** One document with its editor ETag ("<id>:<version>"). */
export function withEtag<T extends { id: string; version: number }>(res: Response, doc: T) {
  res.setHeader('ETag', postEtag(doc.id, doc.version));
  return one(doc);
}

/** A create's answer (201 or an idempotent replay) with Location and ETag. */
export function createdDocument(res: Response, result: StoredResponse, collection: string) {
  const doc = (result.body as { data: { id: string; version: number } }).data;
  res.status(result.status).setHeader('Location', `/api/admin/${collection}/${doc.id}`);
  res.setHeader('ETag', postEtag(doc.id, doc.version));
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}
