-- Site-wide settings and navigation: one row, created here. A NULL title, description, locale or
-- timezone means "the configured default" (SITE_TITLE, SITE_DESCRIPTION, SITE_LOCALE, SITE_TIMEZONE),
-- so a fresh install answers with its configuration until an editor changes something.
CREATE TABLE "site_settings" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "title" VARCHAR(200),
    "description" VARCHAR(500),
    "logo_media_id" UUID,
    "icon_media_id" UUID,
    "accent_color" VARCHAR(7),
    "locale" VARCHAR(35),
    "timezone" VARCHAR(64),
    -- [{ "network", "url", "handle" }]
    "social" JSONB NOT NULL DEFAULT '[]',
    -- [{ "label", "url" } | { "label", "documentId" }], in menu order.
    "primary_navigation" JSONB NOT NULL DEFAULT '[]',
    "secondary_navigation" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "site_settings_single_row" CHECK ("id")
);

ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_logo_media_id_fkey" FOREIGN KEY ("logo_media_id") REFERENCES "media"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_icon_media_id_fkey" FOREIGN KEY ("icon_media_id") REFERENCES "media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

INSERT INTO "site_settings" ("id") VALUES (true);

-- Settings are public content: a change must reach the response caches like a post change does.
CREATE CONSTRAINT TRIGGER site_settings_content_generation AFTER INSERT OR UPDATE OR DELETE ON "site_settings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_generation();

-- The audit action settings.updated emits the webhook event of the same name: see 20261201600000_webhook_event_mapping.
