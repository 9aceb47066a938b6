-- An unfinished Idempotency-Key names the process running its first request (`owner`) and how long
-- that claim stands without a heartbeat (`lease_until`), so a retry can take over as soon as the
-- first request has ended or its process is gone.
ALTER TABLE "idempotency_keys" ADD COLUMN "owner" TEXT,
ADD COLUMN "lease_until" TIMESTAMPTZ(3);
