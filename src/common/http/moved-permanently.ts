/**
 * Thrown by a controller to answer 301 with a Location (e.g. a post's old slug). Rendered by the
 * global filter, so handlers keep returning plain data and the guards stay in charge of headers.
 */
export class MovedPermanently {
  constructor(readonly location: string) {}
}
