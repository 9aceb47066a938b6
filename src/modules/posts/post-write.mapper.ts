import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { ContentBodyService } from '../content-body/content-body.service';
import { BodySource } from '../content-body/domain/body.types';
import { PostSnapshot } from './domain/post-snapshot';
import { DocumentFieldsInput, FeatureImageInput, SeoInput } from './dto/post-fields.input';
import { UpdatePostInput } from './dto/update-post.input';

/** A create or update body of any kind; only posts carry tag and author lists. */
type DocumentInput = DocumentFieldsInput & { title?: string; tags?: string[]; authors?: string[] };
import type { PostColumns, PostWrite } from './post-writes.repository';
import type { PostRow } from './posts.repository';

/** A post body may be at most 1 MiB of UTF-8 (the JSON request limit leaves room for the other fields). */
export const MAX_POST_BODY_BYTES = 1024 * 1024;

function bodySource(input: { markdown?: string; html?: string }, required: boolean): BodySource | null {
  const given = (['markdown', 'html'] as const).filter((f) => input[f] !== undefined);
  if (given.length === 2) {
    throw DomainError.validation('Give the body as "markdown" or as "html", not both.', [{ field: 'html', message: 'cannot be combined with markdown' }]);
  }
  if (given.length === 0) {
    if (!required) return null;
    throw DomainError.validation('A post needs a body: give "markdown" or "html".', [{ field: 'markdown', message: 'markdown or html is required' }]);
  }
  const format = given[0];
  const source = input[format]!;
  if (Buffer.byteLength(source, 'utf8') > MAX_POST_BODY_BYTES) {
    throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `The post body is larger than ${MAX_POST_BODY_BYTES} bytes (1 MiB).`);
  }
  return { format, source };
}

const blankToNull = (value: string | null | undefined): string | null => (value?.trim() ? value : null);

function rendered(body: ContentBodyService, source: BodySource, customExcerpt: string | null) {
  return {
    ...body.toColumns(body.render(source, customExcerpt)),
    markdown: source.format === 'markdown' ? source.source : null,
    customExcerpt,
  };
}

/** Exactly one of a library item or a URL; the document's alt and caption are kept either way. */
function featureImageColumns(image: FeatureImageInput | null | undefined) {
  const mediaId = image?.mediaId ?? null;
  const url = image?.url ?? null;
  if (image && (mediaId === null) === (url === null)) {
    throw DomainError.validation('A feature image is a library item ("mediaId") or a URL ("url"): give exactly one.', [
      { field: 'featureImage', message: 'give exactly one of mediaId or url' },
    ]);
  }
  return { featureImageMediaId: mediaId, featureImageUrl: url, featureImageAlt: image?.alt ?? null, featureImageCaption: image?.caption ?? null };
}

function seoColumns(seo: SeoInput | null | undefined) {
  return { seoTitle: seo?.title ?? null, seoDescription: seo?.description ?? null, ogImage: seo?.ogImage ?? null, twitterImage: seo?.twitterImage ?? null };
}

/** A new draft: derived body columns rendered now, so reads never parse bodies. */
export function toCreateWrite(input: DocumentInput & { title: string }, body: ContentBodyService): PostWrite<PostColumns> & { title: string } {
  const columns: PostColumns = {
    title: input.title,
    ...rendered(body, bodySource(input, true)!, blankToNull(input.customExcerpt)),
    featured: input.featured ?? false,
    ...featureImageColumns(input.featureImage),
    canonicalUrl: input.canonicalUrl ?? null,
    ...seoColumns(input.seo),
    status: 'DRAFT',
    publishedAt: null,
  };
  return { title: input.title, columns, slug: input.slug, tags: input.tags, authors: input.authors };
}

/** Only what the input names changes; a new body or excerpt re-renders the derived columns. */
export function toUpdateWrite(input: DocumentInput, current: PostRow, body: ContentBodyService): PostWrite<Partial<PostColumns>> {
  const columns: Partial<PostColumns> = {};
  if (input.title !== undefined) columns.title = input.title;
  const source = bodySource(input, false);
  if (source || input.customExcerpt !== undefined) {
    const existing: BodySource =
      current.markdown != null ? { format: 'markdown', source: current.markdown } : { format: 'html', source: current.html ?? '' };
    const excerpt = input.customExcerpt !== undefined ? blankToNull(input.customExcerpt) : current.customExcerpt;
    Object.assign(columns, rendered(body, source ?? existing, excerpt));
  }
  if (input.featured !== undefined) columns.featured = input.featured;
  if (input.featureImage !== undefined) Object.assign(columns, featureImageColumns(input.featureImage));
  if (input.canonicalUrl !== undefined) columns.canonicalUrl = input.canonicalUrl;
  if (input.seo !== undefined) Object.assign(columns, seoColumns(input.seo));
  const slugChanges = input.slug !== undefined && input.slug !== current.slug;
  return {
    columns,
    slug: slugChanges ? input.slug : undefined,
    previousSlug: slugChanges && current.status === 'PUBLISHED' ? current.slug : undefined,
    tags: input.tags,
    authors: input.authors,
  };
}

/** The content fields of a revision as an update (status and publication time are not restored; lists only for kinds with labels). */
export function snapshotToUpdate(snapshot: PostSnapshot, withLabels = true): UpdatePostInput {
  return Object.assign(new UpdatePostInput(), {
    title: snapshot.title,
    slug: snapshot.slug,
    ...(snapshot.markdown !== null ? { markdown: snapshot.markdown } : { html: snapshot.html ?? '' }),
    customExcerpt: snapshot.customExcerpt,
    featured: snapshot.featured,
    featureImage: snapshot.featureImage,
    canonicalUrl: snapshot.canonicalUrl,
    seo: snapshot.seo,
    ...(withLabels ? { tags: snapshot.tags, authors: snapshot.authors } : {}),
  });
}
