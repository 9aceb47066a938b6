/** Where library files live. Keys are id-based (`<yyyy>/<mm>/<media id>/<name>`) and never reused. */
export interface MediaStorage {
  /** Writes one file; a reader never sees a partial file. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Removes files; keys that are already gone are not an error. */
  remove(keys: readonly string[]): Promise<void>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

/** Every file of a library item: its original and its variants. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

const SAFE_KEY = /^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}\/[a-z0-9]+\.[a-z0-9]+$/;

/** Keys are made by the media service only; anything else is refused before it reaches a path or bucket. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`unsafe media storage key ${JSON.stringify(key)}`);
}
