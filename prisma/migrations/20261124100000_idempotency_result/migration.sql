-- The id of what a keyed request created, written in the same transaction as the creation itself:
-- a key whose request crashed after that commit (but before its response was stored) can still be
-- answered, and a key without it is known to have created nothing.
ALTER TABLE "idempotency_keys" ADD COLUMN "result_id" UUID;
