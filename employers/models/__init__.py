from employers.models.contacts import WEEKLY_FACE_TO_FACE_TARGET, EmployerContact
from employers.models.employers import ContactPerson, Employer, Industry
from employers.models.imports import ImportedRow, ImportKind, ImportRun
from employers.models.jobs import FollowUp, Job

__all__ = [
    "WEEKLY_FACE_TO_FACE_TARGET",
    "ContactPerson",
    "Employer",
    "EmployerContact",
    "FollowUp",
    "ImportKind",
    "ImportRun",
    "ImportedRow",
    "Industry",
    "Job",
]
