"""axe on every page of the journeys in the other language: each journey runs in one of Finnish and Swedish and
checks its pages there; this test visits the same pages as users of the other language. Zero violations of the
WCAG 2.1 A and AA rules, reported for all pages at once."""

import pytest

from content.models import TrainingIndexPage
from employers.models import Employer
from fidelity.models import Review
from ips.models import Client, Referral, User

pytestmark = pytest.mark.browser


def _to_a_new_training_page(section):
    """From the training menu to a section, its editors' link to a new page there, and the page type."""
    return [
        "/learning/",
        section.url,
        f"/cms/pages/{section.pk}/add_subpage/",
        (f"/cms/pages/add/content/trainingpage/{section.pk}/",),
    ]


def _take(page, step):
    """A link's href to click (the header menu's first), a (selector, text) search to send, a (checkbox, True) filter
    to send, or (href,) for a link whose address starts with it."""
    if isinstance(step, str):
        page.locator(f"header .menu a[href='{step}'], main a[href='{step}']").first.click()
    elif len(step) == 1:
        page.locator(f"a[href^='{step[0]}']").first.click()
    else:
        field, value = step
        closed = page.locator(f"details:not([open]):has({field}) > summary")
        if closed.count():
            closed.first.click()
        if value is True:
            page.locator(field).check()
        else:
            page.locator(field).fill(value)
        page.locator(field).evaluate("field => field.form.requestSubmit()")
        page.wait_for_load_state("networkidle")
    page.wait_for_load_state()


def test_every_page_of_the_journeys_passes_axe_in_the_other_language(page, demo, login, axe, live_server, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    working, job_seeker = Client.objects.get(code="POH-D0001"), Client.objects.get(code="POH-D0002")
    referral = Referral.objects.filter(decision=Referral.Decision.PENDING, team__name="Vaasan työkykytiimi").first()
    employer = Employer.objects.get(name="Vaasan Kauppahalli Oy")
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name="Vaasan työkykytiimi")
    finalised = Review.objects.filter(status=Review.Status.FINALISED, team=draft.team).first()
    section = TrainingIndexPage.objects.get(locale__language_code="fi", slug="kaytannossa")
    # The training menu leads to the reader's language: the Swedish editor adds a page to the Swedish section.
    section_sv = TrainingIndexPage.objects.get(translation_key=section.translation_key, locale__language_code="sv")
    history = f"/fidelity/teams/{draft.team.uuid}/history/"
    # Each page is reached by clicking from the one before (the first after signing in): the hrefs clicked in turn,
    # or a search typed and sent, then what to wait for.
    visits = {
        # The coach's day and job development (test_coach_day, test_employers: Finnish) and the training site.
        ("coach", "sv"): [
            ([], "#employer-panel"),
            (["/clients/"], None),
            (["/referrals/new/"], None),
            (["/clients/", "/referrals/", f"/referrals/{referral.uuid}/"], None),
            (["/clients/", f"/clients/{working.uuid}/"], "#client-jobs"),
            (["/clients/", f"/clients/{job_seeker.uuid}/", f"/employers/clients/{job_seeker.uuid}/jobs/new/"], None),
            (["/week/"], None),
            (["/employers/"], None),
            ([f"/employers/{employer.uuid}/"], None),
            (["/clients/", f"/clients/{working.uuid}/", (f"/employers/contacts/new/?client={working.uuid}",)], None),
            (["/learning/"], None),
            ([("#id_q", "arbetsgivare")], None),
        ],
        # The supervisor's journey (test_supervisor: Swedish).
        ("supervisor", "fi"): [
            ([], "#team-contacts-week"),
            (["/clients/", ("#id_overdue", True)], None),
            (["/reports/"], "#reports-hours-chart"),
        ],
        # The reviewer's journey (test_review: Finnish).
        ("reviewer", "sv"): [
            (["/fidelity/"], None),
            ([f"/fidelity/reviews/{draft.uuid}/"], None),
            ([f"/fidelity/reviews/{draft.uuid}/plan/new/"], None),
            ([f"/fidelity/reviews/{draft.uuid}/", f"/fidelity/reviews/{draft.uuid}/finalise/"], None),
            (
                ["/fidelity/", f"/fidelity/reviews/{finalised.uuid}/", f"/fidelity/reviews/{finalised.uuid}/report/"],
                None,
            ),
            ([f"/fidelity/reviews/{finalised.uuid}/", history], "#fidelity-total-chart"),
        ],
        # The content editor's journey runs the admin in English (test_content): here in both languages.
        ("editor", "sv"): [(_to_a_new_training_page(section_sv), "[data-contentpath='body']")],
        ("editor", "fi"): [(_to_a_new_training_page(section), "[data-contentpath='body']")],
    }
    failures = []

    def check(steps, wait=None, language="sv"):
        for step in steps:
            _take(page, step)
        if wait:
            page.locator(wait).first.wait_for()
        assert page.locator("html").get_attribute("lang") == language, page.url
        try:
            axe(page)
        except AssertionError as violations:
            failures.append(f"{page.url} ({page.locator('html').get_attribute('lang')}):\n{violations}")

    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": live_server.url}])
    page.goto(f"{live_server.url}/accounts/login/")
    check([])
    assert page.locator("html").get_attribute("lang") == "sv"
    for (username, language), visits_of_user in visits.items():
        User.objects.filter(username=username).update(language=language)
        login(page, username)
        assert page.locator("html").get_attribute("lang") == language
        for steps, wait in visits_of_user:
            check(steps, wait, language)
        page.context.clear_cookies()
    assert not failures, "\n\n".join(failures)
