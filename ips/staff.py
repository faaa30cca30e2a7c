"""Organisation administration: people, their roles and FTE shares, teams, with every change in the audit log.

Roles are dated Membership rows and are never deleted (save those a team's closing finds not yet begun: they never
gave the role): a role ends (`ended`, the first day it no longer gives the role, ips/periods.py), and an FTE change
ends the coach's membership on the day the new share starts and begins a new one, so
`Membership.objects.fte_weighted()` weighs each share by its days. People are never deleted either: deactivating ends
their roles and sign-in, and their log rows and audit trail stay. django-auditlog records each save with the
request's user as actor (its middleware); an invitation, which changes no row, is written here.
"""

from datetime import date
from decimal import Decimal

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from ips.models import (
    CONTENT_EDITORS_GROUP,
    Client,
    ClientAssignment,
    ClientTreatmentTeam,
    Membership,
    Organisation,
    Team,
    TreatmentTeam,
    TreatmentTeamMembership,
    User,
)
from ips.periods import short_date

LAST_ADMIN = _("An organisation needs an organisation admin: give the role to someone else first.")


def _other_admins(organisation_id: int, *, besides: User, on: date) -> bool:
    return (
        Membership.objects.active(on)
        .filter(organisation_id=organisation_id, role=Membership.Role.ORG_ADMIN, user__is_active=True)
        .exclude(user=besides)
        .exists()
    )


def _check_not_last_admin(membership: Membership, on: date) -> None:
    if membership.role == Membership.Role.ORG_ADMIN and not _other_admins(
        membership.organisation_id, besides=membership.user, on=on
    ):
        raise ValidationError(LAST_ADMIN, code="last_admin")


def _sync_content_editor(user: User) -> None:
    """Wagtail's admin reads the group: membership of it follows the content-editor role in force today."""
    group, _created = Group.objects.get_or_create(name=CONTENT_EDITORS_GROUP)
    if Membership.objects.active().filter(user=user, role=Membership.Role.CONTENT_EDITOR).exists():
        user.groups.add(group)
    else:
        user.groups.remove(group)


def person_add(*, organisation: Organisation, by: User, **fields) -> User:
    """A new person of the organisation, without a password until they accept an invitation."""
    email = fields["email"].strip().lower()
    person = User(organisation=organisation, username=email, **{**fields, "email": email})
    person.set_unusable_password()
    person.save()
    return person


def invite_link(person: User, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    return base_url.rstrip("/") + reverse("invite_accept", kwargs={"uidb64": uid, "token": token})


def person_invite(*, person: User, by: User, base_url: str) -> str:
    """Mail the person a one-time link that sets their password, in their language; returns the link.

    The link is Django's password-reset token: it stops working once a password is set (or after
    PASSWORD_RESET_TIMEOUT). Where the person's organisation signs its staff in through single sign-on only, a
    password would be refused: the mail sends them to the sign-in page and its single-sign-on button instead (their
    first sign-in there links the account, ips/sso.py).
    """
    sso = person.organisation is not None and not person.organisation.password_sign_in
    link = base_url.rstrip("/") + reverse("login") if sso else invite_link(person, base_url)
    with translation.override(person.language or settings.LANGUAGE_CODE):
        context = {"person": person, "link": link, "by": by, "sso": sso}
        subject = render_to_string("ips/admin/invite_subject.txt", context).strip()
        body = render_to_string("ips/admin/invite_email.txt", context)
    send_mail(subject, body, None, [person.email])
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_pk=str(person.pk),
        object_id=person.pk,
        object_repr=str(person),
        action=LogEntry.Action.UPDATE,
        changes={"invitation": ["", "sent"]},
        actor=by,
    )
    return link


@transaction.atomic
def person_deactivate(*, person: User, by: User, on: date | None = None) -> User:
    """Sign-in ends (Django refuses an inactive user's session on the next request) and open roles end today."""
    on = on or timezone.localdate()
    open_roles = list(Membership.objects.filter(user=person).active(on))
    for membership in open_roles:
        _check_not_last_admin(membership, on)
    for membership in open_roles:
        membership.ended = on  # active on that day: started on it or before
        membership.save()
    person.is_active = False
    person.save()
    _sync_content_editor(person)
    return person


def person_reactivate(*, person: User, by: User) -> User:
    """Sign-in again; roles are given anew (the ended ones stay as history)."""
    person.is_active = True
    person.save()
    return person


@transaction.atomic
def role_give(
    *,
    person: User,
    organisation: Organisation,
    role: str,
    team: Team | None,
    started: date,
    ended: date | None = None,
    fte: Decimal | None = None,
    profession=None,
    by: User,
) -> Membership:
    membership = Membership.objects.create(
        user=person,
        organisation=organisation,
        role=role,
        team=team if role in Membership.TEAM_ROLES else None,
        profession=profession if role in Membership.TEAM_ROLES else None,
        fte=fte if role == Membership.Role.COACH else None,
        started=started,
        ended=ended,
    )
    if role == Membership.Role.CONTENT_EDITOR:
        _sync_content_editor(person)
    return membership


def _first_day(membership: Membership) -> dict:
    return {"started": short_date(membership.started)}


@transaction.atomic
def role_end(*, membership: Membership, ended: date, by: User) -> Membership:
    """The role ends on `ended` (the first day without it, after its first day); the last organisation admin cannot
    end their own, and an ended role is not lengthened over the next of its kind."""
    _check_not_last_admin(membership, ended)
    if membership.started and ended <= membership.started:
        raise ValidationError(
            _("The role's first day is %(started)s, so it can end on the day after at the earliest."),
            code="before_start",
            params=_first_day(membership),
        )
    same = Membership.objects.same_role_overlapping(
        user=membership.user_id,
        role=membership.role,
        organisation=membership.organisation_id,
        team=membership.team_id,
        started=membership.started,
        ended=ended,
    )
    if clash := same.exclude(pk=membership.pk).order_by("started").first():
        raise clash.overlap_error()
    membership.ended = ended
    membership.save()
    if membership.role == Membership.Role.CONTENT_EDITOR:
        _sync_content_editor(membership.user)
    return membership


@transaction.atomic
def fte_change(*, membership: Membership, fte: Decimal, on: date, by: User) -> Membership:
    """A new FTE share from `on`: the membership ends that day and a new one carries the share on (dated history).
    From the role's first day it is the share the role always had; before it, there is no role to change."""
    if membership.ended and on >= membership.ended:
        raise ValidationError(_("The role has ended by then."), code="ended")
    if membership.started and on < membership.started:
        raise ValidationError(
            _("The role's first day is %(started)s: the new share can begin on that day at the earliest."),
            code="before_start",
            params=_first_day(membership),
        )
    if membership.started is None or on > membership.started:
        following_end, membership.ended = membership.ended, on
        membership.save()
        membership = Membership.objects.create(
            user=membership.user,
            organisation=membership.organisation,
            team=membership.team,
            role=membership.role,
            profession=membership.profession,
            fte=fte,
            started=on,
            ended=following_end,
        )
    else:  # from the role's first day: the share it always had
        membership.fte = fte
        membership.save()
    return membership


@transaction.atomic
def team_close(*, team: Team, on: date, by: User) -> list[Membership]:
    """Close the team on `on`, the first day without it; it keeps its history. Its clients must move first.

    Roles in force on the day end on it. Roles that would begin on it or later are removed: they would never give
    anyone the role (ended on its first day, a role would still cover that day, ips/periods.py), and an admin has no
    other way to take them back. Returns the removed roles, for the confirmation to name them.
    """
    if ClientAssignment.objects.filter(team=team, ended__isnull=True).exists():
        raise ValidationError(_("Move the team's clients to another team first."), code="has_clients")
    roles = Membership.objects.filter(team=team)
    removed = list(roles.filter(started__gte=on).select_related("user").order_by("started", "pk"))
    for membership in removed:
        membership.delete()  # one by one: each deletion is a row of the administrative history
    for membership in roles.active(on):
        membership.ended = on  # in force on that day: started before it
        membership.save()
    team.closed_on = on
    team.save()
    return removed


# --- treatment teams -----------------------------------------------------------------------------------------------


def _sync_treatment_members(treatment_team: TreatmentTeam) -> None:
    """`TreatmentTeam.coaches` holds the members in force today (what O1 reads of a coach's teams)."""
    treatment_team.coaches.set(
        TreatmentTeamMembership.objects.in_force().filter(treatment_team=treatment_team).values_list("user", flat=True)
    )


@transaction.atomic
def treatment_member_add(*, treatment_team: TreatmentTeam, person: User, started: date, by: User):
    membership = TreatmentTeamMembership.objects.create(treatment_team=treatment_team, user=person, started=started)
    _sync_treatment_members(treatment_team)
    return membership


@transaction.atomic
def treatment_member_end(*, membership: TreatmentTeamMembership, ended: date, by: User):
    if ended < membership.started:
        raise ValidationError(_("A membership cannot end before it started."), code="before_start")
    membership.ended = ended
    membership.save()
    _sync_treatment_members(membership.treatment_team)
    return membership


@transaction.atomic
def client_treatment_team_move(*, client: Client, treatment_team: TreatmentTeam | None, on: date, by: User):
    """The client's treatment team from `on` (None: no treatment team from then): the open span ends that day and a
    new one starts (dated history, what O1 reads); `Client.treatment_team` follows when the day has come."""
    current = ClientTreatmentTeam.objects.select_for_update().filter(client=client, ended__isnull=True).first()
    if current is not None:
        if on < current.started:
            raise ValidationError(_("The client's current treatment team started later."), code="before_start")
        if on == current.started:
            current.delete()  # replaced from its own first day: it never was in force
        else:
            current.ended = on
            current.save()
    span = None
    if treatment_team is not None:
        span = ClientTreatmentTeam.objects.create(client=client, treatment_team=treatment_team, started=on)
    if on <= timezone.localdate():
        client.treatment_team = treatment_team
        client.save(update_fields=["treatment_team"])
    return span
