"""axe on every page of the journeys in the other language: each journey runs in one of Finnish and Swedish and
checks its pages there; this test visits the same pages as users of the other language. Zero violations of the
WCAG 2.1 A and AA rules, reported for all pages at once."""

import pytest

from content.models import TrainingIndexPage
from employers.models import Employer
from fidelity.models import Review
from ips.models import Client, Referral, User

pytestmark = pytest.mark.browser


def test_every_page_of_the_journeys_passes_axe_in_the_other_language(page, demo, login, axe, live_server, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    working, job_seeker = Client.objects.get(code="POH-D0001"), Client.objects.get(code="POH-D0002")
    referral = Referral.objects.filter(decision=Referral.Decision.PENDING, team__name="Vaasan työkykytiimi").first()
    employer = Employer.objects.get(name="Vaasan Kauppahalli Oy")
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name="Vaasan työkykytiimi")
    finalised = Review.objects.filter(status=Review.Status.FINALISED, team=draft.team).first()
    section = TrainingIndexPage.objects.get(locale__language_code="fi", slug="kaytannossa")
    visits = {
        # The coach's day and job development (test_coach_day, test_employers: Finnish) and the training site.
        ("coach", "sv"): [
            ("/today/", "#employer-panel"),
            ("/clients/", None),
            ("/referrals/new/", None),
            (f"/referrals/{referral.uuid}/", None),
            (f"/clients/{working.uuid}/", "#client-jobs"),
            (f"/employers/clients/{job_seeker.uuid}/jobs/new/", None),
            ("/week/", None),
            ("/employers/", None),
            (f"/employers/{employer.uuid}/", None),
            (f"/employers/clients/{working.uuid}/jobs/", None),
            (f"/employers/contacts/new/?client={working.uuid}", None),
            ("/employers/today/", None),
            ("/training/", None),
            ("/training/?q=arbetsgivare", None),
        ],
        # The supervisor's journey (test_supervisor: Swedish).
        ("supervisor", "fi"): [
            ("/week/", "#team-contacts-week"),
            ("/clients/?overdue=on", None),
            ("/reports/", "#reports-hours-chart"),
        ],
        # The reviewer's journey (test_review: Finnish).
        ("reviewer", "sv"): [
            ("/fidelity/", None),
            (f"/fidelity/reviews/{draft.uuid}/", None),
            (f"/fidelity/reviews/{draft.uuid}/plan/new/", None),
            (f"/fidelity/reviews/{draft.uuid}/finalise/", None),
            (f"/fidelity/reviews/{finalised.uuid}/report/", None),
            (f"/fidelity/teams/{draft.team.uuid}/history/", "#fidelity-total-chart"),
        ],
        # The content editor's journey runs the admin in English (test_content): here in both languages.
        ("editor", "sv"): [(f"/cms/pages/add/content/trainingpage/{section.pk}/", "[data-contentpath='body']")],
        ("editor", "fi"): [(f"/cms/pages/add/content/trainingpage/{section.pk}/", "[data-contentpath='body']")],
    }
    failures = []

    def check(url, wait=None, language="sv"):
        page.goto(url)
        if wait:
            page.locator(wait).first.wait_for()
        assert page.locator("html").get_attribute("lang") == language, url
        try:
            axe(page)
        except AssertionError as violations:
            failures.append(f"{url} ({page.locator('html').get_attribute('lang')}):\n{violations}")

    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": live_server.url}])
    check(f"{live_server.url}/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "sv"
    for (username, language), paths in visits.items():
        User.objects.filter(username=username).update(language=language)
        login(page, username)
        assert page.locator("html").get_attribute("lang") == language
        for path, wait in paths:
            check(f"{live_server.url}{path}", wait, language)
        page.context.clear_cookies()
    assert not failures, "\n\n".join(failures)
