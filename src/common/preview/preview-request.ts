
/**
 * Draft previews (see the previews module): a preview token travels in this header, or in the
 * `?preview=` query parameter of the two single-document reads, for links opened in a browser.
 */
export const PREVIEW_TOKEN_HEADER = 'x-preview-token';
export const PREVIEW_QUERY_PARAM = 'preview';
/** Set on a REST answer that shows a preview (the latest, possibly unpublished, state of a document). */
export const PREVIEW_RESPONSE_HEADER = 'X-Byline-Preview';

const CARRIED = Symbol.for('byline:preview-token-carried');
const PARAM = new RegExp(`[?&]${PREVIEW_QUERY_PARAM}=`);

type RequestLike = { headers: Record<string, string | string[] | undefined>; url?: string };

/**
 * Whether a request carries a preview token, valid or not. Such a request is never answered from,
 * nor stored in, any shared cache: it may be answered with a draft, and its key would not say so.
 */
export function carriesPreviewToken(req: RequestLike): boolean {
  return req.headers[PREVIEW_TOKEN_HEADER] !== undefined || (req as Record<symbol, unknown>)[CARRIED] === true || PARAM.test(req.url ?? '');
}

/**
 * The preview token of a request (the header wins over the query parameter), or undefined. The query
 * parameter is taken out of the URL, so the read's own query validation never sees it (and it stays
 * out of anything that logs the URL later on).
 */
export function takePreviewToken(req: RequestLike): string | undefined {
  const header = req.headers[PREVIEW_TOKEN_HEADER];
  let token = Array.isArray(header) ? header[0] : header;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if (query >= 0 && PARAM.test(url)) {
    const params = new URLSearchParams(url.slice(query + 1));
    token ??= params.get(PREVIEW_QUERY_PARAM) ?? undefined;
    params.delete(PREVIEW_QUERY_PARAM);
    const rest = params.toString();
    req.url = url.slice(0, query) + (rest ? `?${rest}` : '');
    (req as Record<symbol, unknown>)[CARRIED] = true;
  }
  return token;
}

export const PREVIEWABLE = 'byline:previewable';

/** The log form of a URL: a preview token in the query is replaced (tokens never reach the logs). */
export function redactPreviewParam(url: string): string {
  return url.replace(/([?&]preview=)[^&#]*/g, '$1[redacted]');
}
