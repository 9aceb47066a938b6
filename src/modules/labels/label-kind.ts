/** The kinds of label. A new kind: add it here, to LABEL_TABLES (data/label-read-model.ts) and a LabelSpec. */
export type LabelKind = 'tag' | 'author';

export type LabelAuditAction = `${LabelKind}.${'created' | 'updated' | 'deleted'}`;
