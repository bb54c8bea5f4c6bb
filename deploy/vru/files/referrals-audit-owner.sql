-- The audit log's own schema, owned by a role the referrals service cannot become.
--
-- Run by a superuser (or a role with CREATEROLE that owns the database) when the database is provisioned:
-- `vru up` and the tests (vru_dev.provision), docker-compose's postgres init script, a DBA for an external
-- PostgreSQL. Idempotent: run it again after every upgrade (the provisioning step does).
--
-- Trust model (docs/security.md, "The audit log"):
--   * `referrals_audit` (NOLOGIN: nobody logs in as it) owns the schema, the tables and the trigger function.
--     The service role `referrals` is not a member of it, so it cannot become it, grant itself more, disable
--     the triggers, alter or drop the tables.
--   * `referrals` may INSERT (only the columns below: `id`, `occurred_at`, `position` and `sealed_at` are
--     always the database's own) and SELECT. Nothing else.
--   * The owner gives up UPDATE, DELETE and TRUNCATE, and a trigger refuses them even so.
--   * The chain is an HMAC keyed with a secret the database never holds, and its head is anchored outside the
--     database; only those two catch a superuser.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'referrals_audit') THEN
        CREATE ROLE referrals_audit NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS referrals_audit AUTHORIZATION referrals_audit;
REVOKE ALL ON SCHEMA referrals_audit FROM PUBLIC;

-- A log made before this schema existed (the service owned it, in its own schema): the owner adopts the
-- entries, with their ids and times. Their old seals were unkeyed SHA-256 (anyone could recompute them), so
-- they go; the sealer seals every entry again with the key.
DO $$
BEGIN
    IF to_regclass('referrals.audit_log') IS NOT NULL AND to_regclass('referrals_audit.audit_log') IS NULL THEN
        DROP TRIGGER IF EXISTS audit_log_append_only ON referrals.audit_log;
        DROP TRIGGER IF EXISTS audit_log_no_truncate ON referrals.audit_log;
        ALTER TABLE referrals.audit_log SET SCHEMA referrals_audit;
        ALTER TABLE referrals_audit.audit_log OWNER TO referrals_audit;
        IF to_regclass('referrals.audit_chain') IS NOT NULL THEN
            DROP TABLE referrals.audit_chain;
        END IF;
    END IF;
END
$$;

SET ROLE referrals_audit;

CREATE TABLE IF NOT EXISTS referrals_audit.audit_log (
    id bigserial NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    actor_subject varchar(255) NOT NULL,
    actor_kind varchar(16) NOT NULL,
    actor_client_id varchar(255),
    agency_id uuid,
    roles text[] NOT NULL,
    action varchar(16) NOT NULL,
    record_type varchar(64) NOT NULL,
    record_ids text[] NOT NULL,
    purpose varchar(200) NOT NULL,
    request_id varchar(128),
    CONSTRAINT pk_audit_log PRIMARY KEY (id)
);
-- The request id the caller sent (the gateway's own is `request_id`).
ALTER TABLE referrals_audit.audit_log ADD COLUMN IF NOT EXISTS client_request_id varchar(128);
-- The actor's display name at the time (the token's `name`), so an auditor can read who it was.
ALTER TABLE referrals_audit.audit_log ADD COLUMN IF NOT EXISTS actor_name varchar(200);
CREATE INDEX IF NOT EXISTS ix_audit_log_agency_id_id ON referrals_audit.audit_log (agency_id, id);
CREATE INDEX IF NOT EXISTS ix_audit_log_actor_subject_id ON referrals_audit.audit_log (actor_subject, id);
CREATE INDEX IF NOT EXISTS ix_audit_log_record_ids ON referrals_audit.audit_log USING gin (record_ids);
CREATE INDEX IF NOT EXISTS ix_referrals_audit_log_occurred_at ON referrals_audit.audit_log (occurred_at);

-- The chain: the entry sealed at `position`, hash = HMAC-SHA256(key[key_id], prev_hash || canonical entry).
-- No foreign key to the log: checking one takes a row lock there, which needs UPDATE.
CREATE TABLE IF NOT EXISTS referrals_audit.audit_chain (
    position bigserial NOT NULL,
    entry_id bigint NOT NULL,
    prev_hash varchar(64) NOT NULL,
    hash varchar(64) NOT NULL,
    key_id varchar(32) NOT NULL,
    sealed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT pk_audit_chain PRIMARY KEY (position),
    CONSTRAINT uq_audit_chain_entry_id UNIQUE (entry_id)
);

CREATE OR REPLACE FUNCTION referrals_audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
REVOKE ALL ON FUNCTION referrals_audit.refuse_change() FROM PUBLIC;

DROP TRIGGER IF EXISTS audit_log_append_only ON referrals_audit.audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON referrals_audit.audit_log
    FOR EACH ROW EXECUTE FUNCTION referrals_audit.refuse_change();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON referrals_audit.audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON referrals_audit.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION referrals_audit.refuse_change();
DROP TRIGGER IF EXISTS audit_chain_append_only ON referrals_audit.audit_chain;
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON referrals_audit.audit_chain
    FOR EACH ROW EXECUTE FUNCTION referrals_audit.refuse_change();
DROP TRIGGER IF EXISTS audit_chain_no_truncate ON referrals_audit.audit_chain;
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON referrals_audit.audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION referrals_audit.refuse_change();

-- The owner gives up changing what is written, too.
REVOKE UPDATE, DELETE, TRUNCATE ON referrals_audit.audit_log, referrals_audit.audit_chain FROM referrals_audit;

-- What the service may do: read, and add entries and seals.
REVOKE ALL ON referrals_audit.audit_log, referrals_audit.audit_chain FROM referrals;
GRANT USAGE ON SCHEMA referrals_audit TO referrals;
GRANT SELECT ON referrals_audit.audit_log, referrals_audit.audit_chain TO referrals;
GRANT INSERT (actor_subject, actor_name, actor_kind, actor_client_id, agency_id, roles, action, record_type,
              record_ids, purpose, request_id, client_request_id) ON referrals_audit.audit_log TO referrals;
GRANT INSERT (entry_id, prev_hash, hash, key_id) ON referrals_audit.audit_chain TO referrals;
-- The ids come from the sequences (nextval in the column default runs with the inserter's rights).
GRANT USAGE ON SEQUENCE referrals_audit.audit_log_id_seq, referrals_audit.audit_chain_position_seq TO referrals;

RESET ROLE;
