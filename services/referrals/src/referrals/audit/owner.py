"""The audit log's owner: the SQL a superuser runs when the database is provisioned (``owner.sql``)."""

from importlib.resources import files


def owner_sql() -> str:
    """Creates the ``referrals_audit`` role and schema, the log's tables, and the service's grants (idempotent)."""
    return (files("referrals.audit") / "owner.sql").read_text(encoding="utf-8")
