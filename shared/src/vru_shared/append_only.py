"""Append-only tables, enforced by the database twice over: the owning role gives up UPDATE, DELETE and
TRUNCATE, and a trigger refuses them even for a role that grants them back. For migrations::

    for statement in append_only("referrals", "refuse_change", ["audit_log"], what="the audit log"):
        op.execute(statement)
"""

from __future__ import annotations

from collections.abc import Sequence


def append_only(schema: str, function: str, tables: Sequence[str], *, what: str) -> list[str]:
    """The statements that make ``tables`` append-only (``what`` names them in the error message)."""
    statements = [
        f"""
CREATE FUNCTION {schema}.{function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{what} is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""
    ]
    for table in tables:
        statements += [
            f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{table} FROM CURRENT_USER",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {schema}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {schema}.{function}()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {schema}.{table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {schema}.{function}()",
        ]
    return statements


def drop_append_only(schema: str, function: str, tables: Sequence[str]) -> list[str]:
    """The reverse of :func:`append_only` for tables that stay (dropping a table drops its triggers)."""
    statements = []
    for table in tables:
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {schema}.{table}",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {schema}.{table}",
        ]
    return statements
