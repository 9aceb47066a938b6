/** Whose posts a listing shows: a tag's or an author's. */
export type PostOwner = 'tag' | 'author';
