from enum import StrEnum


class SubscriptionUpdateEventTypesType0Item(StrEnum):
    ALLOCATION_COMMITTED = "allocation.committed"
    DISBURSEMENT_PAID = "disbursement.paid"
    GRANT_APPROVED = "grant.approved"
    MEETING_ACTION_ASSIGNED = "meeting_action.assigned"
    MEETING_ACTION_OVERDUE = "meeting_action.overdue"
    PACK_CHECK_OVERDUE = "pack.check_overdue"
    PACK_EXPIRING = "pack.expiring"
    PACK_USED = "pack.used"
    REFERRAL_ACCEPTED = "referral.accepted"
    REFERRAL_COMPLETED = "referral.completed"
    REFERRAL_IN_PROGRESS = "referral.in_progress"
    REFERRAL_REJECTED = "referral.rejected"
    REFERRAL_SENT = "referral.sent"
    REFERRAL_WITHDRAWN = "referral.withdrawn"
    REVIEW_OPENED = "review.opened"
    REVIEW_OVERDUE = "review.overdue"
    WEBHOOK_SUBSCRIPTION_PAUSED = "webhook_subscription.paused"

    def __str__(self) -> str:
        return str(self.value)
