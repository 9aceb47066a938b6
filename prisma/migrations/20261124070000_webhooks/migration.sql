-- Outgoing webhooks: subscriptions and a delivery queue (transactional outbox).
-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "webhooks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" VARCHAR(2048) NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "description" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "webhook_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_created_at_idx" ON "webhook_deliveries"("webhook_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The webhook event an audit action stands for; NULL when it stands for none.
CREATE OR REPLACE FUNCTION webhook_event_for_action(p_action text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $$
  SELECT CASE p_action
    WHEN 'post.published' THEN 'post.published'
    WHEN 'post.updated' THEN 'post.updated'
    WHEN 'post.restored' THEN 'post.updated'
    WHEN 'post.unpublished' THEN 'post.unpublished'
    WHEN 'post.deleted' THEN 'post.deleted'
    WHEN 'tag.created' THEN 'tag.created'
    WHEN 'tag.updated' THEN 'tag.updated'
    WHEN 'tag.deleted' THEN 'tag.deleted'
  END;
$$;

-- Every mutation writes its audit row inside its own transaction, so queueing deliveries here
-- makes the event and the change commit (or roll back) together, whichever code path wrote them.
CREATE OR REPLACE FUNCTION audit_log_enqueue_webhooks()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_event text := webhook_event_for_action(NEW.action);
BEGIN
  IF v_event IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (id, webhook_id, event, payload)
  SELECT s.id, s.webhook_id, v_event,
         jsonb_build_object(
           'id', s.id,
           'event', v_event,
           'occurredAt', to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'target', jsonb_build_object('type', NEW.target_type, 'id', NEW.target_id),
           'requestId', NEW.request_id)
    FROM (SELECT gen_random_uuid() AS id, w.id AS webhook_id
            FROM webhooks w
           WHERE w.active
             AND (v_event = ANY (w.events) OR split_part(v_event, '.', 1) || '.*' = ANY (w.events))) s;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS audit_log_enqueue_webhooks ON audit_log;
CREATE TRIGGER audit_log_enqueue_webhooks
  AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_enqueue_webhooks();
