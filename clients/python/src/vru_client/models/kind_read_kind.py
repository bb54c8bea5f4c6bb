from enum import StrEnum


class KindReadKind(StrEnum):
    MEETING_ACTION_OVERDUE = "meeting_action.overdue"
    PACK_CHECK_OVERDUE = "pack.check_overdue"
    PACK_EXPIRING = "pack.expiring"
    PACK_USED = "pack.used"
    REFERRAL_ACCEPTED = "referral.accepted"
    REFERRAL_COMPLETED = "referral.completed"
    REFERRAL_REJECTED = "referral.rejected"
    REVIEW_OPENED = "review.opened"
    REVIEW_OVERDUE = "review.overdue"

    def __str__(self) -> str:
        return str(self.value)
