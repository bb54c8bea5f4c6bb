#!/usr/bin/env bash
# What a superuser provisions (the same as vru_dev.provision and docker/postgres-init.sh, but idempotent: it
# runs before every upgrade): one login role and one schema per service, each role confined to its schema,
# then the audit log's owner (referrals-audit-owner.sql, a copy of referrals/audit/owner.sql that
# tests/test_kubernetes.py keeps equal). Connection from PGHOST/PGUSER/PGPASSWORD/PGDATABASE.
set -euo pipefail
until pg_isready --quiet; do
  echo "waiting for ${PGHOST}"
  sleep 3
done
for service in ${VRU_DATABASE_ROLES}; do
  var="DB_PASSWORD_${service^^}"
  password="${!var:?set $var}"
  psql -v ON_ERROR_STOP=1 --no-psqlrc -v role="$service" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')
\gexec
ALTER ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"role" AUTHORIZATION :"role";
REVOKE ALL ON SCHEMA :"role" FROM PUBLIC;
ALTER ROLE :"role" SET search_path = :"role";
SQL
done
psql -v ON_ERROR_STOP=1 --no-psqlrc <<'SQL'
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
# What the referrals service must not own itself: the audit log's schema and owner role (docs/security.md).
psql -v ON_ERROR_STOP=1 --no-psqlrc -f /vru/provision/referrals-audit-owner.sql
echo "provisioned: ${VRU_DATABASE_ROLES} and referrals_audit"
