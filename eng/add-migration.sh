#!/usr/bin/env bash
# Adds a migration with the same name for both providers, from the one model.
# Usage: eng/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: eng/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project src/Referral.Data --startup-project src/Referral.Data \
    --context "${provider}ReferralDbContext" --output-dir "Migrations/$provider"
done
eng/sqlserver-script.sh
