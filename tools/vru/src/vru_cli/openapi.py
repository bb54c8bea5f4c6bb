"""The merged OpenAPI document, built in-process from each service's app (no database needed)."""

from __future__ import annotations

from typing import Any

from etp_inventory.main import create_app as etp_app
from funding.main import create_app as funding_app
from identity.main import create_app as identity_app
from identity.portal.merge import merge_openapi
from notifications.main import create_app as notifications_app
from referrals.main import create_app as referrals_app


def merged_openapi() -> dict[str, Any]:
    specs = {
        "identity": identity_app().openapi(),
        "referrals": referrals_app().openapi(),
        "funding": funding_app().openapi(),
        "etp_inventory": etp_app().openapi(),
        "notifications": notifications_app().openapi(),
    }
    return merge_openapi(specs)
