"""Contains all the data models used in inputs/outputs"""

from .action_create import ActionCreate
from .action_read import ActionRead
from .action_status import ActionStatus
from .action_update import ActionUpdate
from .agency_create import AgencyCreate
from .agency_kind import AgencyKind
from .agency_read import AgencyRead
from .agency_ref import AgencyRef
from .agency_update import AgencyUpdate
from .agenda import Agenda
from .agenda_item import AgendaItem
from .alert_counts import AlertCounts
from .allocation_basis import AllocationBasis
from .allocation_create import AllocationCreate
from .allocation_create_recipients_type_0_item import AllocationCreateRecipientsType0Item
from .allocation_create_weights_type_0 import AllocationCreateWeightsType0
from .allocation_line_read import AllocationLineRead
from .allocation_read import AllocationRead
from .allocation_read_inputs_type_0 import AllocationReadInputsType0
from .allocation_status import AllocationStatus
from .api_client_create import ApiClientCreate
from .api_client_create_districts_item import ApiClientCreateDistrictsItem
from .api_client_created import ApiClientCreated
from .api_client_read import ApiClientRead
from .api_client_update import ApiClientUpdate
from .api_client_update_districts_type_0_item import ApiClientUpdateDistrictsType0Item
from .area import Area
from .audit_action import AuditAction
from .audit_entry_read import AuditEntryRead
from .budget_line_create import BudgetLineCreate
from .budget_line_read import BudgetLineRead
from .budget_line_update import BudgetLineUpdate
from .cabinet_type import CabinetType
from .chain_break import ChainBreak
from .chain_verification import ChainVerification
from .check_create import CheckCreate
from .check_read import CheckRead
from .check_result import CheckResult
from .client_secret_issued import ClientSecretIssued
from .component_expiry import ComponentExpiry
from .component_replacement import ComponentReplacement
from .component_type_read import ComponentTypeRead
from .consent import Consent
from .contact_read import ContactRead
from .coordinator_area_read import CoordinatorAreaRead
from .crime_reference_check import CrimeReferenceCheck
from .crime_reference_status import CrimeReferenceStatus
from .csp_summary import CspSummary
from .csp_update import CspUpdate
from .decision_create import DecisionCreate
from .decision_read import DecisionRead
from .decision_record import DecisionRecord
from .delivery_read import DeliveryRead
from .delivery_read_status import DeliveryReadStatus
from .delivery_status import DeliveryStatus
from .deployment_create import DeploymentCreate
from .destination import Destination
from .destination_kind import DestinationKind
from .disbursement_read import DisbursementRead
from .disbursement_status import DisbursementStatus
from .disbursement_transition import DisbursementTransition
from .district_read import DistrictRead
from .due_check import DueCheck
from .due_checks_district_type_0 import DueChecksDistrictType0
from .due_diligence_check_create import DueDiligenceCheckCreate
from .due_diligence_check_read import DueDiligenceCheckRead
from .due_diligence_outcome import DueDiligenceOutcome
from .duplicate_status import DuplicateStatus
from .erasure_reason import ErasureReason
from .erasure_request import ErasureRequest
from .erasure_result import ErasureResult
from .erasure_result_erased import ErasureResultErased
from .etp_inventory_allocation_create import EtpInventoryAllocationCreate
from .etp_inventory_allocation_create_csp import EtpInventoryAllocationCreateCsp
from .etp_inventory_guardian_read import EtpInventoryGuardianRead
from .evaluation_create import EvaluationCreate
from .evaluation_rating import EvaluationRating
from .evaluation_read import EvaluationRead
from .event_audience import EventAudience
from .event_batch import EventBatch
from .event_in import EventIn
from .event_in_data import EventInData
from .event_in_data_additional_property_type_2 import EventInDataAdditionalPropertyType2
from .event_in_type import EventInType
from .events_accepted import EventsAccepted
from .expiring_pack import ExpiringPack
from .export_format import ExportFormat
from .field_error import FieldError
from .financial_year_read import FinancialYearRead
from .forum_kind import ForumKind
from .forum_read import ForumRead
from .forum_ref import ForumRef
from .frequency import Frequency
from .fund_create import FundCreate
from .fund_read import FundRead
from .funded_project_read import FundedProjectRead
from .funded_projects import FundedProjects
from .funding_count_read import FundingCountRead
from .funding_count_status import FundingCountStatus
from .get_csp_district import GetCspDistrict
from .grant_create import GrantCreate
from .grant_create_districts_item import GrantCreateDistrictsItem
from .grant_detail import GrantDetail
from .grant_event_read import GrantEventRead
from .grant_read import GrantRead
from .grant_status import GrantStatus
from .grant_transition import GrantTransition
from .grant_update import GrantUpdate
from .grant_update_districts_type_0_item import GrantUpdateDistrictsType0Item
from .group_by import GroupBy
from .guardian_assign import GuardianAssign
from .guardian_read import GuardianRead
from .http_validation_error import HTTPValidationError
from .import_result import ImportResult
from .incident_batch import IncidentBatch
from .incident_change_read import IncidentChangeRead
from .incident_change_read_changes import IncidentChangeReadChanges
from .incident_count import IncidentCount
from .incident_read import IncidentRead
from .incident_read_view import IncidentReadView
from .incident_record import IncidentRecord
from .incident_report import IncidentReport
from .incident_statistics import IncidentStatistics
from .incident_summary import IncidentSummary
from .intervention_create import InterventionCreate
from .intervention_kind import InterventionKind
from .intervention_read import InterventionRead
from .intervention_status import InterventionStatus
from .intervention_update import InterventionUpdate
from .json_web_key import JsonWebKey
from .json_web_key_set import JsonWebKeySet
from .key_state import KeyState
from .kind_choice import KindChoice
from .kind_choice_kind import KindChoiceKind
from .kind_read import KindRead
from .kind_read_kind import KindReadKind
from .kit_component_in import KitComponentIn
from .kit_component_read import KitComponentRead
from .kit_type_create import KitTypeCreate
from .kit_type_read import KitTypeRead
from .lawful_basis import LawfulBasis
from .list_contacts_district_type_0 import ListContactsDistrictType0
from .list_grants_district_type_0 import ListGrantsDistrictType0
from .list_locations_district_type_0 import ListLocationsDistrictType0
from .list_organisations_district_type_0 import ListOrganisationsDistrictType0
from .list_packs_district_type_0 import ListPacksDistrictType0
from .list_projects_district_type_0 import ListProjectsDistrictType0
from .list_referral_destinations_district import ListReferralDestinationsDistrict
from .list_reports_district_type_0 import ListReportsDistrictType0
from .list_sites_district_type_0 import ListSitesDistrictType0
from .list_tasks_district_type_0 import ListTasksDistrictType0
from .location_kind import LocationKind
from .location_read import LocationRead
from .location_ref import LocationRef
from .manual_screening import ManualScreening
from .meeting_create import MeetingCreate
from .meeting_read import MeetingRead
from .meeting_status import MeetingStatus
from .meeting_summary import MeetingSummary
from .meeting_update import MeetingUpdate
from .monitoring_return_amend import MonitoringReturnAmend
from .monitoring_return_read import MonitoringReturnRead
from .monitoring_return_submit import MonitoringReturnSubmit
from .monitoring_return_version_read import MonitoringReturnVersionRead
from .movement_batch import MovementBatch
from .movement_kind import MovementKind
from .movement_read import MovementRead
from .near_pack import NearPack
from .nearest_packs import NearestPacks
from .offence_category_read import OffenceCategoryRead
from .open_id_configuration import OpenIdConfiguration
from .organisation_create import OrganisationCreate
from .organisation_create_district_type_0 import OrganisationCreateDistrictType0
from .organisation_kind import OrganisationKind
from .organisation_read import OrganisationRead
from .overdue_checks_district_type_0 import OverdueChecksDistrictType0
from .overdue_count import OverdueCount
from .overdue_summary import OverdueSummary
from .pack_component_read import PackComponentRead
from .pack_detail import PackDetail
from .pack_read import PackRead
from .pack_ref import PackRef
from .pack_status import PackStatus
from .package import Package
from .package_grants_item import PackageGrantsItem
from .page_action_read import PageActionRead
from .page_agency_read import PageAgencyRead
from .page_allocation_read import PageAllocationRead
from .page_api_client_read import PageApiClientRead
from .page_audit_entry_read import PageAuditEntryRead
from .page_budget_line_read import PageBudgetLineRead
from .page_check_read import PageCheckRead
from .page_component_type_read import PageComponentTypeRead
from .page_contact_read import PageContactRead
from .page_coordinator_area_read import PageCoordinatorAreaRead
from .page_csp_summary import PageCspSummary
from .page_delivery_read import PageDeliveryRead
from .page_disbursement_read import PageDisbursementRead
from .page_district_read import PageDistrictRead
from .page_due_check import PageDueCheck
from .page_due_diligence_check_read import PageDueDiligenceCheckRead
from .page_evaluation_read import PageEvaluationRead
from .page_expiring_pack import PageExpiringPack
from .page_financial_year_read import PageFinancialYearRead
from .page_forum_read import PageForumRead
from .page_fund_read import PageFundRead
from .page_grant_read import PageGrantRead
from .page_guardian_read import PageGuardianRead
from .page_incident_summary import PageIncidentSummary
from .page_kit_type_read import PageKitTypeRead
from .page_location_read import PageLocationRead
from .page_meeting_summary import PageMeetingSummary
from .page_monitoring_return_read import PageMonitoringReturnRead
from .page_monitoring_return_version_read import PageMonitoringReturnVersionRead
from .page_movement_read import PageMovementRead
from .page_offence_category_read import PageOffenceCategoryRead
from .page_organisation_read import PageOrganisationRead
from .page_pack_read import PagePackRead
from .page_partner_agency_read import PagePartnerAgencyRead
from .page_person_read import PagePersonRead
from .page_possible_duplicate_pair import PagePossibleDuplicatePair
from .page_project_provider_read import PageProjectProviderRead
from .page_project_read import PageProjectRead
from .page_project_referral_read import PageProjectReferralRead
from .page_purchase_read import PagePurchaseRead
from .page_referral_destination import PageReferralDestination
from .page_resupply_task_read import PageResupplyTaskRead
from .page_retention_candidate import PageRetentionCandidate
from .page_review_summary import PageReviewSummary
from .page_signing_key_read import PageSigningKeyRead
from .page_site_read import PageSiteRead
from .page_spend_read import PageSpendRead
from .page_stream_read import PageStreamRead
from .page_subject_summary import PageSubjectSummary
from .page_subscription_read import PageSubscriptionRead
from .page_support_plan_summary import PageSupportPlanSummary
from .page_use_report_read import PageUseReportRead
from .partner_agency_link import PartnerAgencyLink
from .partner_agency_read import PartnerAgencyRead
from .person_create import PersonCreate
from .person_create_districts_item import PersonCreateDistrictsItem
from .person_read import PersonRead
from .person_ref import PersonRef
from .person_report import PersonReport
from .person_role import PersonRole
from .person_update import PersonUpdate
from .person_update_districts_type_0_item import PersonUpdateDistrictsType0Item
from .place_ref import PlaceRef
from .plan_status import PlanStatus
from .point import Point
from .possible_duplicate import PossibleDuplicate
from .possible_duplicate_pair import PossibleDuplicatePair
from .preferences_read import PreferencesRead
from .preferences_update import PreferencesUpdate
from .problem import Problem
from .project_create import ProjectCreate
from .project_create_districts_item import ProjectCreateDistrictsItem
from .project_provider_read import ProjectProviderRead
from .project_read import ProjectRead
from .project_referral_create import ProjectReferralCreate
from .project_referral_read import ProjectReferralRead
from .project_status import ProjectStatus
from .public_site import PublicSite
from .purchase_component_read import PurchaseComponentRead
from .purchase_create import PurchaseCreate
from .purchase_read import PurchaseRead
from .readiness import Readiness
from .readiness_counts import ReadinessCounts
from .redelivery_count import RedeliveryCount
from .referral_create import ReferralCreate
from .referral_destination import ReferralDestination
from .referral_event_kind import ReferralEventKind
from .referral_event_read import ReferralEventRead
from .referral_page import ReferralPage
from .referral_read import ReferralRead
from .referral_status import ReferralStatus
from .referral_subject import ReferralSubject
from .referral_summary import ReferralSummary
from .referral_transition import ReferralTransition
from .referral_update import ReferralUpdate
from .referrals_person_read import ReferralsPersonRead
from .register import Register
from .rejected_row import RejectedRow
from .resupply_status import ResupplyStatus
from .resupply_task_read import ResupplyTaskRead
from .retention_candidate import RetentionCandidate
from .return_create import ReturnCreate
from .review_event_kind import ReviewEventKind
from .review_event_read import ReviewEventRead
from .review_incident import ReviewIncident
from .review_read import ReviewRead
from .review_record import ReviewRecord
from .review_status import ReviewStatus
from .review_subject_read import ReviewSubjectRead
from .review_summary import ReviewSummary
from .review_transition import ReviewTransition
from .revocation import Revocation
from .revocation_list import RevocationList
from .role import Role
from .schedule_create import ScheduleCreate
from .screening_decision import ScreeningDecision
from .screening_read import ScreeningRead
from .screening_source import ScreeningSource
from .secret_rotated import SecretRotated
from .shared_referral_read import SharedReferralRead
from .shared_referral_summary import SharedReferralSummary
from .shared_subject import SharedSubject
from .signing_key_read import SigningKeyRead
from .site_create import SiteCreate
from .site_create_district import SiteCreateDistrict
from .site_feature import SiteFeature
from .site_feature_collection import SiteFeatureCollection
from .site_properties import SiteProperties
from .site_read import SiteRead
from .site_ref import SiteRef
from .site_update import SiteUpdate
from .spend_create import SpendCreate
from .spend_read import SpendRead
from .stream_create import StreamCreate
from .stream_read import StreamRead
from .subject_access_export import SubjectAccessExport
from .subject_brief import SubjectBrief
from .subject_incident import SubjectIncident
from .subject_read import SubjectRead
from .subject_record import SubjectRecord
from .subject_referral import SubjectReferral
from .subject_review import SubjectReview
from .subject_summary import SubjectSummary
from .subscription_create import SubscriptionCreate
from .subscription_create_event_types_item import SubscriptionCreateEventTypesItem
from .subscription_created import SubscriptionCreated
from .subscription_created_status import SubscriptionCreatedStatus
from .subscription_read import SubscriptionRead
from .subscription_read_status import SubscriptionReadStatus
from .subscription_update import SubscriptionUpdate
from .subscription_update_event_types_type_0_item import SubscriptionUpdateEventTypesType0Item
from .subscription_update_status_type_0 import SubscriptionUpdateStatusType0
from .support_plan_create import SupportPlanCreate
from .support_plan_read import SupportPlanRead
from .support_plan_summary import SupportPlanSummary
from .support_plan_update import SupportPlanUpdate
from .token_request import TokenRequest
from .token_response import TokenResponse
from .totals import Totals
from .totals_dimension import TotalsDimension
from .totals_group import TotalsGroup
from .update_csp_district import UpdateCspDistrict
from .use_report_create import UseReportCreate
from .use_report_read import UseReportRead
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .verification_run import VerificationRun
from .window import Window
from .write_off_create import WriteOffCreate
from .write_off_create_kind import WriteOffCreateKind

__all__ = (
    "ActionCreate",
    "ActionRead",
    "ActionStatus",
    "ActionUpdate",
    "AgencyCreate",
    "AgencyKind",
    "AgencyRead",
    "AgencyRef",
    "AgencyUpdate",
    "Agenda",
    "AgendaItem",
    "AlertCounts",
    "AllocationBasis",
    "AllocationCreate",
    "AllocationCreateRecipientsType0Item",
    "AllocationCreateWeightsType0",
    "AllocationLineRead",
    "AllocationRead",
    "AllocationReadInputsType0",
    "AllocationStatus",
    "ApiClientCreate",
    "ApiClientCreateDistrictsItem",
    "ApiClientCreated",
    "ApiClientRead",
    "ApiClientUpdate",
    "ApiClientUpdateDistrictsType0Item",
    "Area",
    "AuditAction",
    "AuditEntryRead",
    "BudgetLineCreate",
    "BudgetLineRead",
    "BudgetLineUpdate",
    "CabinetType",
    "ChainBreak",
    "ChainVerification",
    "CheckCreate",
    "CheckRead",
    "CheckResult",
    "ClientSecretIssued",
    "ComponentExpiry",
    "ComponentReplacement",
    "ComponentTypeRead",
    "Consent",
    "ContactRead",
    "CoordinatorAreaRead",
    "CrimeReferenceCheck",
    "CrimeReferenceStatus",
    "CspSummary",
    "CspUpdate",
    "DecisionCreate",
    "DecisionRead",
    "DecisionRecord",
    "DeliveryRead",
    "DeliveryReadStatus",
    "DeliveryStatus",
    "DeploymentCreate",
    "Destination",
    "DestinationKind",
    "DisbursementRead",
    "DisbursementStatus",
    "DisbursementTransition",
    "DistrictRead",
    "DueCheck",
    "DueChecksDistrictType0",
    "DueDiligenceCheckCreate",
    "DueDiligenceCheckRead",
    "DueDiligenceOutcome",
    "DuplicateStatus",
    "ErasureReason",
    "ErasureRequest",
    "ErasureResult",
    "ErasureResultErased",
    "EtpInventoryAllocationCreate",
    "EtpInventoryAllocationCreateCsp",
    "EtpInventoryGuardianRead",
    "EvaluationCreate",
    "EvaluationRating",
    "EvaluationRead",
    "EventAudience",
    "EventBatch",
    "EventIn",
    "EventInData",
    "EventInDataAdditionalPropertyType2",
    "EventInType",
    "EventsAccepted",
    "ExpiringPack",
    "ExportFormat",
    "FieldError",
    "FinancialYearRead",
    "ForumKind",
    "ForumRead",
    "ForumRef",
    "Frequency",
    "FundCreate",
    "FundRead",
    "FundedProjectRead",
    "FundedProjects",
    "FundingCountRead",
    "FundingCountStatus",
    "GetCspDistrict",
    "GrantCreate",
    "GrantCreateDistrictsItem",
    "GrantDetail",
    "GrantEventRead",
    "GrantRead",
    "GrantStatus",
    "GrantTransition",
    "GrantUpdate",
    "GrantUpdateDistrictsType0Item",
    "GroupBy",
    "GuardianAssign",
    "GuardianRead",
    "HTTPValidationError",
    "ImportResult",
    "IncidentBatch",
    "IncidentChangeRead",
    "IncidentChangeReadChanges",
    "IncidentCount",
    "IncidentRead",
    "IncidentReadView",
    "IncidentRecord",
    "IncidentReport",
    "IncidentStatistics",
    "IncidentSummary",
    "InterventionCreate",
    "InterventionKind",
    "InterventionRead",
    "InterventionStatus",
    "InterventionUpdate",
    "JsonWebKey",
    "JsonWebKeySet",
    "KeyState",
    "KindChoice",
    "KindChoiceKind",
    "KindRead",
    "KindReadKind",
    "KitComponentIn",
    "KitComponentRead",
    "KitTypeCreate",
    "KitTypeRead",
    "LawfulBasis",
    "ListContactsDistrictType0",
    "ListGrantsDistrictType0",
    "ListLocationsDistrictType0",
    "ListOrganisationsDistrictType0",
    "ListPacksDistrictType0",
    "ListProjectsDistrictType0",
    "ListReferralDestinationsDistrict",
    "ListReportsDistrictType0",
    "ListSitesDistrictType0",
    "ListTasksDistrictType0",
    "LocationKind",
    "LocationRead",
    "LocationRef",
    "ManualScreening",
    "MeetingCreate",
    "MeetingRead",
    "MeetingStatus",
    "MeetingSummary",
    "MeetingUpdate",
    "MonitoringReturnAmend",
    "MonitoringReturnRead",
    "MonitoringReturnSubmit",
    "MonitoringReturnVersionRead",
    "MovementBatch",
    "MovementKind",
    "MovementRead",
    "NearPack",
    "NearestPacks",
    "OffenceCategoryRead",
    "OpenIdConfiguration",
    "OrganisationCreate",
    "OrganisationCreateDistrictType0",
    "OrganisationKind",
    "OrganisationRead",
    "OverdueChecksDistrictType0",
    "OverdueCount",
    "OverdueSummary",
    "PackComponentRead",
    "PackDetail",
    "PackRead",
    "PackRef",
    "PackStatus",
    "Package",
    "PackageGrantsItem",
    "PageActionRead",
    "PageAgencyRead",
    "PageAllocationRead",
    "PageApiClientRead",
    "PageAuditEntryRead",
    "PageBudgetLineRead",
    "PageCheckRead",
    "PageComponentTypeRead",
    "PageContactRead",
    "PageCoordinatorAreaRead",
    "PageCspSummary",
    "PageDeliveryRead",
    "PageDisbursementRead",
    "PageDistrictRead",
    "PageDueCheck",
    "PageDueDiligenceCheckRead",
    "PageEvaluationRead",
    "PageExpiringPack",
    "PageFinancialYearRead",
    "PageForumRead",
    "PageFundRead",
    "PageGrantRead",
    "PageGuardianRead",
    "PageIncidentSummary",
    "PageKitTypeRead",
    "PageLocationRead",
    "PageMeetingSummary",
    "PageMonitoringReturnRead",
    "PageMonitoringReturnVersionRead",
    "PageMovementRead",
    "PageOffenceCategoryRead",
    "PageOrganisationRead",
    "PagePackRead",
    "PagePartnerAgencyRead",
    "PagePersonRead",
    "PagePossibleDuplicatePair",
    "PageProjectProviderRead",
    "PageProjectRead",
    "PageProjectReferralRead",
    "PagePurchaseRead",
    "PageReferralDestination",
    "PageResupplyTaskRead",
    "PageRetentionCandidate",
    "PageReviewSummary",
    "PageSigningKeyRead",
    "PageSiteRead",
    "PageSpendRead",
    "PageStreamRead",
    "PageSubjectSummary",
    "PageSubscriptionRead",
    "PageSupportPlanSummary",
    "PageUseReportRead",
    "PartnerAgencyLink",
    "PartnerAgencyRead",
    "PersonCreate",
    "PersonCreateDistrictsItem",
    "PersonRead",
    "PersonRef",
    "PersonReport",
    "PersonRole",
    "PersonUpdate",
    "PersonUpdateDistrictsType0Item",
    "PlaceRef",
    "PlanStatus",
    "Point",
    "PossibleDuplicate",
    "PossibleDuplicatePair",
    "PreferencesRead",
    "PreferencesUpdate",
    "Problem",
    "ProjectCreate",
    "ProjectCreateDistrictsItem",
    "ProjectProviderRead",
    "ProjectRead",
    "ProjectReferralCreate",
    "ProjectReferralRead",
    "ProjectStatus",
    "PublicSite",
    "PurchaseComponentRead",
    "PurchaseCreate",
    "PurchaseRead",
    "Readiness",
    "ReadinessCounts",
    "RedeliveryCount",
    "ReferralCreate",
    "ReferralDestination",
    "ReferralEventKind",
    "ReferralEventRead",
    "ReferralPage",
    "ReferralRead",
    "ReferralStatus",
    "ReferralSubject",
    "ReferralSummary",
    "ReferralTransition",
    "ReferralUpdate",
    "ReferralsPersonRead",
    "Register",
    "RejectedRow",
    "ResupplyStatus",
    "ResupplyTaskRead",
    "RetentionCandidate",
    "ReturnCreate",
    "ReviewEventKind",
    "ReviewEventRead",
    "ReviewIncident",
    "ReviewRead",
    "ReviewRecord",
    "ReviewStatus",
    "ReviewSubjectRead",
    "ReviewSummary",
    "ReviewTransition",
    "Revocation",
    "RevocationList",
    "Role",
    "ScheduleCreate",
    "ScreeningDecision",
    "ScreeningRead",
    "ScreeningSource",
    "SecretRotated",
    "SharedReferralRead",
    "SharedReferralSummary",
    "SharedSubject",
    "SigningKeyRead",
    "SiteCreate",
    "SiteCreateDistrict",
    "SiteFeature",
    "SiteFeatureCollection",
    "SiteProperties",
    "SiteRead",
    "SiteRef",
    "SiteUpdate",
    "SpendCreate",
    "SpendRead",
    "StreamCreate",
    "StreamRead",
    "SubjectAccessExport",
    "SubjectBrief",
    "SubjectIncident",
    "SubjectRead",
    "SubjectRecord",
    "SubjectReferral",
    "SubjectReview",
    "SubjectSummary",
    "SubscriptionCreate",
    "SubscriptionCreateEventTypesItem",
    "SubscriptionCreated",
    "SubscriptionCreatedStatus",
    "SubscriptionRead",
    "SubscriptionReadStatus",
    "SubscriptionUpdate",
    "SubscriptionUpdateEventTypesType0Item",
    "SubscriptionUpdateStatusType0",
    "SupportPlanCreate",
    "SupportPlanRead",
    "SupportPlanSummary",
    "SupportPlanUpdate",
    "TokenRequest",
    "TokenResponse",
    "Totals",
    "TotalsDimension",
    "TotalsGroup",
    "UpdateCspDistrict",
    "UseReportCreate",
    "UseReportRead",
    "ValidationError",
    "ValidationErrorContext",
    "VerificationRun",
    "Window",
    "WriteOffCreate",
    "WriteOffCreateKind",
)
