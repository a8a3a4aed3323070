#!/usr/bin/env bash
# Writes the SQL Server scripts that deploy/sqlserver/ keeps under version control:
#   referral-schema.sql  the idempotent EF Core migrations script (dotnet ef migrations script --idempotent)
#   quartz-schema.sql    Quartz's own job-store tables for the Quartz version in use
# tests/Referral.Data.Tests fails while either is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
mkdir -p deploy/sqlserver
dotnet ef migrations script --idempotent --project src/Referral.Data --startup-project src/Referral.Data \
  --context SqlServerReferralDbContext --output deploy/sqlserver/referral-schema.sql
REFERRAL_WRITE_SCRIPTS=1 dotnet test tests/Referral.Data.Tests --filter "Name~Quartz_schema" -nologo -v:q
