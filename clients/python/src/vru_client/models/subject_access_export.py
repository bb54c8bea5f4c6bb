from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_read import ActionRead
    from ..models.audit_entry_read import AuditEntryRead
    from ..models.decision_record import DecisionRecord
    from ..models.incident_record import IncidentRecord
    from ..models.possible_duplicate import PossibleDuplicate
    from ..models.referral_read import ReferralRead
    from ..models.review_record import ReviewRecord
    from ..models.subject_record import SubjectRecord
    from ..models.support_plan_read import SupportPlanRead


T = TypeVar("T", bound="SubjectAccessExport")


@_attrs_define
class SubjectAccessExport:
    """Everything held about one young person (DPA 2018 / UK GDPR subject access).

    Attributes:
        generated_at (datetime.datetime):
        subject (SubjectRecord):
        merged_records (list[SubjectRecord]): Records confirmed to be the same young person.
        incidents (list[IncidentRecord]):
        reviews (list[ReviewRecord]):
        referrals (list[ReferralRead]):
        meeting_decisions (list[DecisionRecord]):
        actions (list[ActionRead]):
        support_plans (list[SupportPlanRead]):
        possible_duplicates (list[PossibleDuplicate]):
        audit_entries (list[AuditEntryRead]): Who read or changed these records, and why.
    """

    generated_at: datetime.datetime
    subject: SubjectRecord
    merged_records: list[SubjectRecord]
    incidents: list[IncidentRecord]
    reviews: list[ReviewRecord]
    referrals: list[ReferralRead]
    meeting_decisions: list[DecisionRecord]
    actions: list[ActionRead]
    support_plans: list[SupportPlanRead]
    possible_duplicates: list[PossibleDuplicate]
    audit_entries: list[AuditEntryRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        subject = self.subject.to_dict()

        merged_records = []
        for merged_records_item_data in self.merged_records:
            merged_records_item = merged_records_item_data.to_dict()
            merged_records.append(merged_records_item)

        incidents = []
        for incidents_item_data in self.incidents:
            incidents_item = incidents_item_data.to_dict()
            incidents.append(incidents_item)

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        referrals = []
        for referrals_item_data in self.referrals:
            referrals_item = referrals_item_data.to_dict()
            referrals.append(referrals_item)

        meeting_decisions = []
        for meeting_decisions_item_data in self.meeting_decisions:
            meeting_decisions_item = meeting_decisions_item_data.to_dict()
            meeting_decisions.append(meeting_decisions_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        support_plans = []
        for support_plans_item_data in self.support_plans:
            support_plans_item = support_plans_item_data.to_dict()
            support_plans.append(support_plans_item)

        possible_duplicates = []
        for possible_duplicates_item_data in self.possible_duplicates:
            possible_duplicates_item = possible_duplicates_item_data.to_dict()
            possible_duplicates.append(possible_duplicates_item)

        audit_entries = []
        for audit_entries_item_data in self.audit_entries:
            audit_entries_item = audit_entries_item_data.to_dict()
            audit_entries.append(audit_entries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "subject": subject,
                "merged_records": merged_records,
                "incidents": incidents,
                "reviews": reviews,
                "referrals": referrals,
                "meeting_decisions": meeting_decisions,
                "actions": actions,
                "support_plans": support_plans,
                "possible_duplicates": possible_duplicates,
                "audit_entries": audit_entries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead
        from ..models.audit_entry_read import AuditEntryRead
        from ..models.decision_record import DecisionRecord
        from ..models.incident_record import IncidentRecord
        from ..models.possible_duplicate import PossibleDuplicate
        from ..models.referral_read import ReferralRead
        from ..models.review_record import ReviewRecord
        from ..models.subject_record import SubjectRecord
        from ..models.support_plan_read import SupportPlanRead

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        subject = SubjectRecord.from_dict(d.pop("subject"))

        merged_records = []
        _merged_records = d.pop("merged_records")
        for merged_records_item_data in _merged_records:
            merged_records_item = SubjectRecord.from_dict(merged_records_item_data)

            merged_records.append(merged_records_item)

        incidents = []
        _incidents = d.pop("incidents")
        for incidents_item_data in _incidents:
            incidents_item = IncidentRecord.from_dict(incidents_item_data)

            incidents.append(incidents_item)

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReviewRecord.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        referrals = []
        _referrals = d.pop("referrals")
        for referrals_item_data in _referrals:
            referrals_item = ReferralRead.from_dict(referrals_item_data)

            referrals.append(referrals_item)

        meeting_decisions = []
        _meeting_decisions = d.pop("meeting_decisions")
        for meeting_decisions_item_data in _meeting_decisions:
            meeting_decisions_item = DecisionRecord.from_dict(meeting_decisions_item_data)

            meeting_decisions.append(meeting_decisions_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        support_plans = []
        _support_plans = d.pop("support_plans")
        for support_plans_item_data in _support_plans:
            support_plans_item = SupportPlanRead.from_dict(support_plans_item_data)

            support_plans.append(support_plans_item)

        possible_duplicates = []
        _possible_duplicates = d.pop("possible_duplicates")
        for possible_duplicates_item_data in _possible_duplicates:
            possible_duplicates_item = PossibleDuplicate.from_dict(possible_duplicates_item_data)

            possible_duplicates.append(possible_duplicates_item)

        audit_entries = []
        _audit_entries = d.pop("audit_entries")
        for audit_entries_item_data in _audit_entries:
            audit_entries_item = AuditEntryRead.from_dict(audit_entries_item_data)

            audit_entries.append(audit_entries_item)

        subject_access_export = cls(
            generated_at=generated_at,
            subject=subject,
            merged_records=merged_records,
            incidents=incidents,
            reviews=reviews,
            referrals=referrals,
            meeting_decisions=meeting_decisions,
            actions=actions,
            support_plans=support_plans,
            possible_duplicates=possible_duplicates,
            audit_entries=audit_entries,
        )

        subject_access_export.additional_properties = d
        return subject_access_export

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
