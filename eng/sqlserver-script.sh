#!/usr/bin/env bash
# Writes the idempotent SQL Server schema script that deploy/sqlserver/ keeps under version control.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
mkdir -p deploy/sqlserver
dotnet ef migrations script --idempotent --project src/Referral.Data --startup-project src/Referral.Data \
  --context SqlServerReferralDbContext --output deploy/sqlserver/referral-schema.sql
