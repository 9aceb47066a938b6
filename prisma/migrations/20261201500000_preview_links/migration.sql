-- Draft preview links: a random token (only its SHA-256 is kept) that shows the latest state of one
-- document through the public read endpoints until it expires or is revoked. No secret of the server
-- can mint one: a token is valid only while its row exists.
CREATE TABLE "preview_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_token_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "preview_links_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "preview_links_token_hash_key" ON "preview_links"("token_hash");
CREATE INDEX "preview_links_document_id_idx" ON "preview_links"("document_id", "created_at" DESC);

-- Deleting the document ends its previews.
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
