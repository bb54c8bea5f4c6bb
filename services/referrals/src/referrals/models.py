"""Imports every domain's models so the metadata is complete (for Alembic and ``alembic check``)."""


def load_all_models() -> None:
    from referrals.audit import models as audit  # noqa: F401
    from referrals.incident import models as incident  # noqa: F401
    from referrals.meeting import models as meeting  # noqa: F401
    from referrals.reference import models as reference  # noqa: F401
    from referrals.referral import models as referral  # noqa: F401
    from referrals.review import models as review  # noqa: F401
    from referrals.subject import models as subject  # noqa: F401
    from referrals.support import models as support  # noqa: F401
