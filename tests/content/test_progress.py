"""Reading marks: a professional marks pages read, a supervisor sees their own teams' progress."""

from django.urls import reverse

from content.models import ReadingMark
from ips.models import Membership
from tests.factories import MembershipFactory, UserFactory


def mark(browser, page, **extra):
    return browser.post(reverse("content:mark_read", args=[page.pk]), extra)


def test_a_coach_marks_a_page_read_and_sees_it_on_the_page(as_user, coach_a, training):
    page = training("disclosure")
    browser = as_user(coach_a)
    response = mark(browser, page)
    assert response.status_code == 302 and response["Location"] == page.url
    assert ReadingMark.objects.filter(user=coach_a, page=page).count() == 1
    assert "Merkitse lukemattomaksi" in browser.get(page.url).text


def test_marking_twice_keeps_one_mark(as_user, coach_a, training):
    page = training("disclosure")
    browser = as_user(coach_a)
    mark(browser, page)
    mark(browser, page)
    assert ReadingMark.objects.filter(user=coach_a).count() == 1


def test_htmx_gets_only_the_read_status_fragment(as_user, coach_a, training):
    response = as_user(coach_a).post(
        reverse("content:mark_read", args=[training("disclosure").pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="read-status"' in response.text
    assert "<html" not in response.text
    assert "Merkitse lukemattomaksi" in response.text


def test_a_page_read_in_finnish_counts_as_read_in_swedish(as_user, coach_a, training):
    browser = as_user(coach_a)
    mark(browser, training("disclosure"))
    coach_a.language = "sv"
    coach_a.save()
    assert "Markera som oläst" in browser.get(training("disclosure", "sv").url).text


def test_a_coach_can_take_the_mark_back(as_user, coach_a, training):
    browser = as_user(coach_a)
    page = training("disclosure")
    mark(browser, page)
    mark(browser, page, action="unread")
    assert not ReadingMark.objects.filter(user=coach_a).exists()


def test_marking_needs_a_post_and_a_signed_in_user(client, as_user, coach_a, training):
    url = reverse("content:mark_read", args=[training("disclosure").pk])
    assert client.post(url).status_code == 302
    assert not ReadingMark.objects.exists()
    assert as_user(coach_a).get(url).status_code == 405


def test_only_training_pages_can_be_marked(as_user, coach_a, training):
    assert mark(as_user(coach_a), training("glossary")).status_code == 404


def test_the_supervisor_sees_which_pages_each_team_member_has_read(as_user, coach_a, coach_a2, supervisor_a, training):
    mark(as_user(coach_a), training("disclosure"))
    response = as_user(supervisor_a).get(reverse("content:team_progress"))
    assert response.status_code == 200
    (table,) = response.context["tables"]
    assert set(table.members) == {coach_a, coach_a2, supervisor_a}
    rows = {page.title: cells for page, cells in table.rows}
    column = table.members.index(coach_a)
    assert rows[training("disclosure").title][column] is not None
    assert rows[training("follow-along").title][column] is None
    assert table.totals[column] == 1


def test_a_supervisor_of_another_team_does_not_see_our_team(as_user, coach_a, coach_b, team_b, training):
    mark(as_user(coach_a), training("disclosure"))
    other = UserFactory(username="supervisor_b")
    MembershipFactory(user=other, team=team_b, role=Membership.Role.SUPERVISOR, fte=None)
    response = as_user(other).get(reverse("content:team_progress"))
    (table,) = response.context["tables"]
    assert table.team == team_b
    assert coach_a not in table.members
    assert coach_a.get_full_name() not in response.text


def test_coaches_and_content_editors_do_not_get_the_progress_page(as_user, coach_a, content_editor, training):
    assert as_user(coach_a).get(reverse("content:team_progress")).status_code == 403
    assert as_user(content_editor).get(reverse("content:team_progress")).status_code == 403


def _add_readers(team, count, pages, start):
    for n in range(count):
        user = UserFactory(username=f"reader{start + n}")
        MembershipFactory(user=user, team=team, role=Membership.Role.COACH)
        ReadingMark.objects.bulk_create(ReadingMark(user=user, page=page) for page in pages)


def test_the_progress_page_query_count_does_not_grow_with_people_and_marks(
    as_user, supervisor_a, team_a, training, django_assert_num_queries
):
    pages = [training(key) for key in ("disclosure", "follow-along", "ips-principles")]
    browser = as_user(supervisor_a)
    url = reverse("content:team_progress")
    _add_readers(team_a, 2, pages, 0)
    browser.get(url)  # warm caches (content types, site root paths)
    # session with user, roles, teams, memberships, reader's locale, training pages, marks, site for page URLs,
    # and no session write within its minute (ips/sessions.py)
    with django_assert_num_queries(8):
        small = browser.get(url)
    _add_readers(team_a, 20, pages, 100)
    with django_assert_num_queries(8):
        large = browser.get(url)
    assert len(large.context["tables"][0].members) == len(small.context["tables"][0].members) + 20
