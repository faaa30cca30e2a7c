"""The organisation admin's change history reads like the product: the action, the record and each change in the
reader's language, a related row by its name and a value as the rest of Polku shows it, never codes and ids."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from ips import staff
from ips.models import Membership, Profession, TreatmentTeam
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _history(client) -> str:
    """The history table as the admin reads it, one line a change row (the page is Finnish by default)."""
    html = client.get(reverse("ips:admin_history")).content.decode()
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = [" ".join(strip_tags(row.replace("<", " <")).split()) for row in table.split("</tr>")]
    return "\n".join(row for row in rows if row)


def _row(history: str, *words) -> str:
    """The newest row naming every word."""
    return next(row for row in history.splitlines() if all(word in row for word in words))


@pytest.fixture
def saara(org_a):
    return UserFactory(organisation=org_a, first_name="Saara", last_name="Suominen", language="sv")


def test_a_given_role_reads_as_created_with_the_team_name_role_label_and_finnish_values(
    client, org_admin, saara, team_a
):
    client.force_login(org_admin)
    client.post(
        reverse("ips:role_give", kwargs={"pk": saara.pk}),
        {"role": "coach", "team": team_a.pk, "fte": "0.6", "started": "2026-01-01"},
    )
    row = _row(_history(client), "Jäsenyys", "Saara Suominen")
    assert "Luotu" in row
    for shown in ("Käyttäjä: Saara Suominen", "Tiimi: Tiimi A", "Rooli: Työhönvalmentaja", "Alkoi: 1.1.2026", "0,6"):
        assert shown in row
    assert f"Organisaatio: {team_a.organisation.name}" in row
    for raw in ("create", "team:", "role:", "None", "2026-01-01", "0.6", "→ coach", f"→ {team_a.pk}", "→"):
        assert raw not in row


def test_a_change_reads_as_changed_old_to_new(client, org_admin, saara, team_a, team_b):
    client.force_login(org_admin)
    membership = MembershipFactory(user=saara, team=team_a, started=date(2026, 1, 1))
    membership.team, membership.ended = team_b, date(2026, 12, 6)
    membership.save()
    client.post(
        reverse("ips:person_edit", kwargs={"pk": saara.pk}),
        {"first_name": "Saara", "last_name": "Suominen", "email": saara.email, "language": "fi"},
    )
    history = _history(client)
    moved = _row(history, "Muutettu", "Jäsenyys")
    assert "Tiimi: Tiimi A → Tiimi B" in moved
    assert "Päättyi: – → 6.12.2026" in moved
    assert "Kieli: Svenska → Suomi" in _row(history, "Muutettu", "Käyttäjä", "Kieli")
    for raw in ("update", "None", "2026-12-06", "team:", f"{team_a.pk} → {team_b.pk}", ": sv → fi"):
        assert raw not in history


def test_a_person_signed_out_for_good_reads_yes_and_no(client, org_admin, saara):
    client.force_login(org_admin)
    client.post(reverse("ips:person_deactivate", kwargs={"pk": saara.pk}))
    row = _row(_history(client), "Muutettu", "Saara Suominen", "Aktiivinen")
    assert "Aktiivinen: Kyllä → Ei" in row
    assert "True" not in row and "False" not in row


def test_an_invitation_reads_as_sent(client, org_admin, saara):
    client.force_login(org_admin)
    client.post(reverse("ips:person_invite", kwargs={"pk": saara.pk}))
    row = _row(_history(client), "Kutsu")
    assert "Kutsu Polkuun: lähetetty" in row and "sent" not in row


def test_a_treatment_teams_coaches_read_by_name_as_added(client, org_admin, org_a, saara):
    client.force_login(org_admin)
    treatment = TreatmentTeam.objects.create(organisation=org_a, name="Psykiatrian poliklinikka")
    staff.treatment_member_add(treatment_team=treatment, person=saara, started=date(2026, 2, 1), by=org_admin)
    history = _history(client)
    assert "Hoitotiimi: Psykiatrian poliklinikka" in _row(history, "Hoitotiimin jäsenyys", "Luotu")
    assert "lisätty Saara Suominen" in _row(history, "Muutettu", "Psykiatrian poliklinikka", "lisätty")


def test_a_related_row_deleted_since_reads_as_deleted(client, org_admin, org_a, saara, team_a):
    client.force_login(org_admin)
    gone = Profession.objects.create(organisation=org_a, code="gone", name_fi="Askartelija", name_sv="x", name_en="x")
    kept = Profession.objects.get(code="nurse")
    membership = MembershipFactory(
        user=saara, team=team_a, role=Membership.Role.MEMBER, fte=None, profession=gone, started=date(2026, 1, 1)
    )
    membership.profession = kept
    membership.save()
    gone.delete()
    response = client.get(reverse("ips:admin_history"))
    assert response.status_code == 200
    row = _row(_history(client), "Muutettu", "Saara Suominen")
    assert f"Ammatti: (poistettu) → {kept.name_fi}" in row
