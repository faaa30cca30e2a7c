from ips.models.activity import COMMUNITY_SETTINGS, MAX_DAY_MINUTES, Setting, TimeEntry
from ips.models.clients import (
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
)
from ips.models.lists import ActivityKind, ReferralSource, TargetGroup
from ips.models.people import CONTENT_EDITORS_GROUP, Membership, Organisation, Roles, Team, User
from ips.models.record import Consent, Goal, KykyviisariScore, VocationalProfile
from ips.models.referrals import Referral

__all__ = [
    "COMMUNITY_SETTINGS",
    "CONTENT_EDITORS_GROUP",
    "MAX_DAY_MINUTES",
    "OPEN_STAGES",
    "OVERDUE_DAYS",
    "ActivityKind",
    "Client",
    "ClientAssignment",
    "ClientLanguage",
    "Consent",
    "EducationLevel",
    "Gender",
    "Goal",
    "KykyviisariScore",
    "LabourMarketStatus",
    "Membership",
    "Organisation",
    "Outcome",
    "Referral",
    "ReferralSource",
    "Roles",
    "ServiceType",
    "Setting",
    "Stage",
    "StageChange",
    "TargetGroup",
    "Team",
    "TimeEntry",
    "TreatmentTeam",
    "User",
    "VocationalProfile",
]
