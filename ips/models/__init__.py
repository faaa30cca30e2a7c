from ips.models.accessibility import AccessibilityFeedback
from ips.models.activity import COMMUNITY_SETTINGS, MAX_DAY_MINUTES, Setting, TimeEntry
from ips.models.clients import (
    AGE_BANDS,
    OPEN_STAGES,
    OVERDUE_DAYS,
    Client,
    ClientAssignment,
    ClientLanguage,
    EducationLevel,
    Gender,
    LabourMarketStatus,
    Outcome,
    ServiceType,
    Stage,
    StageChange,
    TreatmentTeam,
    age_band,
    served,
    served_spans,
)
from ips.models.esf import ESF_CHARACTERISTICS, ESF_EXIT_RESULTS, EsfAnswer, FollowUpResult
from ips.models.handover import Destination, HandOver
from ips.models.lists import ActivityKind, Party, Profession, ReferralSource, TargetGroup
from ips.models.network import NetworkMeeting
from ips.models.people import CONTENT_EDITORS_GROUP, Membership, Organisation, Roles, Team, User
from ips.models.plan import OPEN_ACTION_STATUSES, PlanAction, PlanChange, SupportPlan, plan_reviews_due
from ips.models.record import (
    KYKYVIISARI_AREA_FIELDS,
    KYKYVIISARI_AREAS,
    Consent,
    Goal,
    KykyviisariScore,
    SatisfactionAnswer,
    VocationalProfile,
    kykyviisari_comparison,
)
from ips.models.referrals import Referral
from ips.models.reminders import ReminderSettings
from ips.models.security import PasswordResetRequest, password_reset_allowed
from ips.models.session import Session
from ips.models.submissions import Submission
from ips.models.team import Coordinator, ServicePeriod
from ips.models.treatment import ClientTreatmentTeam, TreatmentTeamMembership

__all__ = [
    "OPEN_ACTION_STATUSES",
    "AccessibilityFeedback",
    "AGE_BANDS",
    "COMMUNITY_SETTINGS",
    "CONTENT_EDITORS_GROUP",
    "MAX_DAY_MINUTES",
    "OPEN_STAGES",
    "OVERDUE_DAYS",
    "ActivityKind",
    "Client",
    "ClientAssignment",
    "ClientLanguage",
    "ClientTreatmentTeam",
    "Consent",
    "ESF_CHARACTERISTICS",
    "ESF_EXIT_RESULTS",
    "Coordinator",
    "Destination",
    "EducationLevel",
    "EsfAnswer",
    "FollowUpResult",
    "Gender",
    "Goal",
    "KYKYVIISARI_AREAS",
    "KYKYVIISARI_AREA_FIELDS",
    "HandOver",
    "KykyviisariScore",
    "kykyviisari_comparison",
    "LabourMarketStatus",
    "Membership",
    "NetworkMeeting",
    "Organisation",
    "Outcome",
    "Party",
    "PasswordResetRequest",
    "PlanAction",
    "PlanChange",
    "Profession",
    "Referral",
    "ReferralSource",
    "ReminderSettings",
    "Roles",
    "SatisfactionAnswer",
    "ServicePeriod",
    "ServiceType",
    "Session",
    "Setting",
    "Stage",
    "StageChange",
    "SupportPlan",
    "Submission",
    "TargetGroup",
    "Team",
    "TimeEntry",
    "TreatmentTeam",
    "TreatmentTeamMembership",
    "User",
    "VocationalProfile",
    "age_band",
    "password_reset_allowed",
    "plan_reviews_due",
    "served",
    "served_spans",
]
