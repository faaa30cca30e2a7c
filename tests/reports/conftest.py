"""Small made-up data with hand-computed figures (see test_metrics.py for the arithmetic)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ips.models import KykyviisariScore, SatisfactionAnswer, ServiceType
from reports.models import Export
from tests.employers.factories import EmployerContactFactory, EmployerFactory, JobFactory, bulk_contacts
from tests.factories import TimeEntryFactory, activity_kind, entrant

YEAR = (date(2025, 1, 1), date(2025, 12, 31))
Q1 = (date(2025, 1, 1), date(2025, 3, 31))


def _score(client, day, score, kind=KykyviisariScore.Kind.FOLLOW_UP):
    return KykyviisariScore.objects.create(client=client, measured_on=day, score=Decimal(score), kind=kind)


@pytest.fixture
def outcomes(team_a, team_b, coach_a, coach_b):
    """Five clients of team A and one of team B, with jobs, scores, log entries and employer contacts."""
    employer = EmployerFactory(organisation=team_a.organisation, name='=HYPERLINK("http://evil")')
    c1 = entrant(team_a, coach_a, date(2024, 6, 1), "Aapo Ensimmäinen", satisfaction=8, birth_year=1980, gender="male")
    c2 = entrant(
        team_a,
        coach_a,
        date(2025, 2, 15),
        "Bea Toivola",
        out_of_work_at_referral=False,
        birth_year=1999,
        gender="female",
        labour_market_status="unemployed",
        education_level="isced_3_4",
    )
    c3 = entrant(
        team_a,
        coach_a,
        date(2024, 10, 1),
        "Cecilia Kolmas",
        stage="closed",
        closed_on=date(2025, 2, 1),
        outcome="education",
        satisfaction=9,
        service_type=ServiceType.ASSESSMENT,
        birth_year=1990,
        closure_reason="Muutti Ouluun opiskelemaan",
    )
    c4 = entrant(team_a, coach_a, date(2024, 1, 1), "Daavid Neljäs", stage="closed", closed_on=date(2024, 12, 31))
    c5 = entrant(
        team_a,
        coach_a,
        date(2025, 4, 10),
        "Eero Viides",
        birth_year=1965,
        gender="male",
        labour_market_status="long_term_unemployed",
        education_level="isced_0_2",
    )
    c6 = entrant(team_b, coach_b, date(2024, 1, 1), "Fanni Kuudes", birth_year=1970)
    job = {"employer": employer}
    JobFactory(client=c1, start_date=date(2025, 2, 10), **job)
    JobFactory(client=c2, start_date=date(2025, 3, 1), end_date=date(2025, 3, 20), **job)
    JobFactory(client=c2, start_date=date(2025, 5, 1), **job)
    JobFactory(client=c3, start_date=date(2024, 12, 1), end_date=date(2025, 1, 31), competitive=False, **job)
    JobFactory(client=c4, start_date=date(2024, 3, 1), end_date=date(2024, 6, 30), **job)
    JobFactory(client=c6, start_date=date(2025, 1, 5), **job)
    _score(c1, date(2024, 6, 5), "5.0", KykyviisariScore.Kind.ENTRY)
    _score(c1, date(2024, 12, 1), "6.0")
    _score(c1, date(2025, 6, 1), "7.5")
    _score(c2, date(2025, 2, 20), "4.0", KykyviisariScore.Kind.ENTRY)
    _score(c2, date(2025, 9, 1), "3.5")
    _score(c2, date(2026, 1, 10), "9.0")  # after the period: ignored
    _score(c3, date(2024, 10, 5), "6.0", KykyviisariScore.Kind.ENTRY)
    # Satisfaction survey rounds: the latest answer in the period counts (c1: 8, not 5; c3: 9 at closure).
    answers = [
        (c1, date(2025, 3, 1), 5),
        (c1, date(2025, 6, 1), 8),
        (c3, date(2025, 2, 1), 9),
        (c2, date(2026, 1, 10), 2),
    ]
    for client, day, score in answers:
        SatisfactionAnswer.objects.create(client=client, answered_on=day, score=score)
    TimeEntryFactory(coach=coach_a, team=team_a, date=date(2025, 2, 3), minutes=120, setting="community", client=c1)
    TimeEntryFactory(
        coach=coach_a,
        team=team_a,
        date=date(2025, 2, 4),
        minutes=60,
        setting="office",
        kind=activity_kind("documentation"),
        note="Aapo Ensimmäinen soitti",
    )
    TimeEntryFactory(coach=coach_a, team=team_a, date=date(2024, 12, 30), minutes=600, setting="office")
    bulk_contacts(
        ({"date": date(2025, 1, 6 + n % 20)} for n in range(26)), coach=coach_a, team=team_a, employer=employer
    )
    EmployerContactFactory(coach=coach_a, team=team_a, employer=employer, face_to_face=False, date=date(2025, 2, 1))
    EmployerContactFactory(coach=coach_a, team=team_a, employer=employer, date=date(2025, 4, 2))
    return {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5, "c6": c6, "employer": employer}


def export_responses(http, params: dict) -> list:
    """What a user does: build the workbook from the dashboard (POST), open the export's page, download the file.
    A refused build is the only answer."""

    started = http.post(reverse("reports:export_start"), params)
    if started.status_code != 302:
        return [started]
    export = Export.objects.latest("created")
    assert started.url == reverse("reports:export", args=[export.pk])
    return [started, http.get(started.url), http.get(reverse("reports:export_download", args=[export.pk]))]


def download_workbook(http, params: dict):
    """The downloaded workbook of a build that must succeed."""
    responses = export_responses(http, params)
    assert len(responses) == 3, responses[0].content.decode()[:500]  # the build was refused
    started, page, download = responses
    assert page.status_code == 200
    return download
