#!/usr/bin/env bash
# Fails when prisma/schema.prisma and the committed migrations describe different databases.
# Replays the migrations into a throwaway shadow database on DATABASE_URL's server (dropped afterwards)
# and diffs the result with the schema; `npm run migrate:new -- <name>` writes the missing migration.
set -uo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1

script=$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script --exit-code)
status=$?
# 0: no difference; 2: a difference (anything else is an error of the command itself).
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "prisma migrate diff failed (exit $status)" >&2
  exit "$status"
fi
# The JS schema engine does not see extensions that migrations create, so it always proposes
# CREATE EXTENSION IF NOT EXISTS "pg_trgm" (harmless, idempotent). Anything else is drift.
drift=$(printf '%s\n' "$script" | grep -v -e '^--' -e '^[[:space:]]*$' -e '^CREATE EXTENSION IF NOT EXISTS "pg_trgm";$' || true)
if [ -n "$drift" ]; then
  echo "prisma/schema.prisma and prisma/migrations have drifted; the missing migration would be:" >&2
  printf '%s\n' "$drift" >&2
  exit 1
fi
echo "prisma/schema.prisma matches prisma/migrations"
