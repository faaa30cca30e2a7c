"""People, organisations, teams and roles: the ground every other Polku app stands on."""

import uuid
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.periods import Period, days_covered, overlapping, overlapping_span, span_shown

CONTENT_EDITORS_GROUP = "Content editors"
SAME_ROLE_OVERLAPS = _(
    "This overlaps the person's role of the same kind (%(dates)s). End that role first, or choose dates outside it."
)


@dataclass(frozen=True)
class Roles:
    """What a user may do, read once per request (one query) from their active memberships and groups."""

    coach_teams: frozenset[int] = frozenset()
    supervisor_teams: frozenset[int] = frozenset()
    # Team members of other professions (nurse, physiotherapist, Kela expert...): the team's clients, not its
    # employer work (docs/permissions.md).
    member_teams: frozenset[int] = frozenset()
    reviewer_orgs: frozenset[int] = frozenset()
    reporter_orgs: frozenset[int] = frozenset()
    admin_orgs: frozenset[int] = frozenset()
    # Rights of their own, granted per organisation: funder figures without suppression, participant-level lists.
    unsuppressed_orgs: frozenset[int] = frozenset()
    participant_list_orgs: frozenset[int] = frozenset()
    content_editor: bool = False
    platform_admin: bool = False
    # (team, organisation) for each team role: a record written for a team belongs to that team's organisation.
    team_organisations: frozenset[tuple[int, int]] = frozenset()

    def organisations_of(self, teams) -> frozenset[int]:
        """The organisations of those of `teams` the user works in."""
        return frozenset(organisation for team, organisation in self.team_organisations if team in teams)

    def teams_in(self, organisation_id, teams) -> frozenset[int]:
        """Those of `teams` the user works in that belong to the organisation."""
        return frozenset(
            team for team, organisation in self.team_organisations if organisation == organisation_id and team in teams
        )

    @property
    def team_ids(self) -> frozenset[int]:
        """Teams whose clients the user works with (coach or supervisor)."""
        return self.coach_teams | self.supervisor_teams

    @property
    def client_team_ids(self) -> frozenset[int]:
        """Teams whose client records the user reads and writes: coaches, supervisors and the other members."""
        return self.coach_teams | self.supervisor_teams | self.member_teams

    @property
    def log_teams(self) -> frozenset[int]:
        """Teams the user logs their own work in (the daily log): coaches and members of other professions."""
        return self.coach_teams | self.member_teams

    @property
    def is_member(self) -> bool:
        return bool(self.member_teams)

    @property
    def is_coach(self) -> bool:
        return bool(self.coach_teams)

    @property
    def is_supervisor(self) -> bool:
        return bool(self.supervisor_teams)

    @property
    def is_reviewer(self) -> bool:
        return bool(self.reviewer_orgs)

    @property
    def is_reporter(self) -> bool:
        return bool(self.reporter_orgs)

    @property
    def is_org_admin(self) -> bool:
        return bool(self.admin_orgs)


class UserQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """The people of the organisations the user administers: their home organisation or a role there."""
        organisations = user.roles.admin_orgs
        return self.filter(
            Q(organisation__in=organisations)
            | Q(pk__in=Membership.objects.filter(organisation__in=organisations).values("user_id"))
        )

    def editable_by(self, user):
        """Their account (e-mail, invitation, sign-in) only when the user administers all of it: not someone who
        also holds a role in another organisation, nor a staff, superuser or platform admin account. Otherwise an
        admin could change an address, invite it, and sign in as a person of another organisation."""
        organisations = user.roles.admin_orgs
        elsewhere = Membership.objects.active().exclude(organisation__in=organisations).values("user_id")
        return (
            self.visible_to(user)
            .filter(is_superuser=False, is_staff=False, is_platform_admin=False)
            .exclude(pk__in=elsewhere)
            .exclude(Q(organisation__isnull=False) & ~Q(organisation__in=organisations))
        )

    def of_organisation(self, organisation_ids):
        return self.filter(
            Q(organisation__in=organisation_ids)
            | Q(pk__in=Membership.objects.filter(organisation__in=organisation_ids).values("user_id"))
        )


class PersonManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)
    profession = models.CharField(_("profession"), max_length=100, blank=True)
    # The organisation that added the person: its admins see them before any role is given (and after all ended).
    organisation = models.ForeignKey(
        "Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    is_platform_admin = models.BooleanField(
        _("platform admin"), default=False, help_text=_("Manages organisations; sees no client data.")
    )

    objects = PersonManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @cached_property
    def roles(self) -> Roles:
        if not self.is_active or not self.pk:
            return Roles()
        by_role: dict[str, set[int]] = {role: set() for role in Membership.Role.values}
        team_organisations = set()
        # One query a request: the active memberships, and the content-editors group as a content editor's row of
        # no organisation.
        memberships = Membership.objects.filter(user=self).active().order_by()
        editor_group = self.groups.filter(name=CONTENT_EDITORS_GROUP).order_by()
        no_id = models.Value(None, output_field=models.IntegerField())
        for role, team_id, organisation_id in memberships.values_list("role", "team_id", "organisation_id").union(
            editor_group.values_list(models.Value(Membership.Role.CONTENT_EDITOR.value), no_id, no_id), all=True
        ):
            by_role[role].add(team_id if role in Membership.TEAM_ROLES else organisation_id)
            if role in Membership.TEAM_ROLES:
                team_organisations.add((team_id, organisation_id))
        return Roles(
            coach_teams=frozenset(by_role[Membership.Role.COACH]),
            supervisor_teams=frozenset(by_role[Membership.Role.SUPERVISOR]),
            member_teams=frozenset(by_role[Membership.Role.MEMBER]),
            reviewer_orgs=frozenset(by_role[Membership.Role.REVIEWER]),
            reporter_orgs=frozenset(by_role[Membership.Role.REPORTER]),
            admin_orgs=frozenset(by_role[Membership.Role.ORG_ADMIN]),
            unsuppressed_orgs=frozenset(by_role[Membership.Role.UNSUPPRESSED]),
            participant_list_orgs=frozenset(by_role[Membership.Role.PARTICIPANT_LIST]),
            content_editor=bool(by_role[Membership.Role.CONTENT_EDITOR]) or self.is_superuser,
            team_organisations=frozenset(team_organisations),
            platform_admin=self.is_platform_admin or self.is_superuser,
        )


class OrganisationQuerySet(AccessQuerySet):
    def visible_to(self, user):
        roles = user.roles
        return self.filter(
            Q(teams__in=roles.team_ids) | Q(pk__in=roles.admin_orgs | roles.reporter_orgs | roles.reviewer_orgs)
        ).distinct()

    def editable_by(self, user):
        return self.filter(pk__in=user.roles.admin_orgs)


class Organisation(models.Model):
    """A wellbeing services county (hyvinvointialue) or a service provider."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.SlugField(
        _("short code"),
        max_length=12,
        unique=True,
        help_text=_("Used as the prefix of client pseudonym codes."),
    )
    password_sign_in = models.BooleanField(
        _("staff may sign in with a password"),
        default=True,
        help_text=_("Switch off when the organisation signs its staff in through single sign-on only."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class TeamQuerySet(AccessQuerySet):
    def visible_to(self, user):
        roles = user.roles
        return self.filter(Q(pk__in=roles.team_ids) | Q(organisation__in=roles.admin_orgs | roles.reporter_orgs))

    def editable_by(self, user):
        return self.filter(organisation__in=user.roles.admin_orgs)

    def managed_by(self, user):
        """The teams the user supervises and those of the organisations they administer (ips.access.manages_team):
        they set up the team's reviews and read its team report."""
        roles = user.roles
        return self.filter(Q(pk__in=roles.supervisor_teams) | Q(organisation__in=roles.admin_orgs))


class Team(models.Model):
    """A work-ability support team: the unit a fidelity review scores."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique_in_organisation")
        ]

    def __str__(self):
        return self.name


class MembershipQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """Roles are managed by the admins of their organisation."""
        return self.filter(organisation__in=user.roles.admin_orgs)

    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(overlapping(on, on, open_start=True))

    def coaches(self):
        return self.filter(role=Membership.Role.COACH)

    def same_role_overlapping(self, *, user, role, organisation, team, started, ended):
        """The user's rows of `role` in the same team (an organisation's role: in the organisation) that share a day
        with the span [started, ended). A person holds one role in one place once at a time; different roles may
        overlap (a supervisor who also coaches). FTE shares are per coach membership, so this also keeps a coach's
        FTE in a team at 1.0 at most."""
        place = Q(team=team) if team is not None else Q(organisation=organisation, team__isnull=True)
        return self.filter(place, overlapping_span(started, ended, open_start=True), user=user, role=role)

    def fte_weighted(self, team_ids, period: Period) -> Fraction:
        """The teams' coach FTE over the period: each coach membership's share × the days it covers ÷ the period's days.

        An FTE change is a membership ended on the day the next (with the new share) starts, and a hand-over is one
        coach's membership ending the day another's starts: weighting by days counts each day once (S1, V6). A coach
        without a share counts as full-time. One query; the few rows of a team are weighed in Python, exactly.
        """
        return sum(self.fte_weighted_by_user(team_ids, period).values(), Fraction(0))

    def fte_weighted_by_user(self, team_ids, period: Period) -> dict[int, Fraction]:
        """fte_weighted() per coach (user id), for the per-coach rows of the fidelity items (one query)."""
        rows = self.filter(
            overlapping(period.start, period.end, open_start=True), team_id__in=team_ids, role=Membership.Role.COACH
        ).values_list("user_id", "started", "ended", "fte")
        shares: dict[int, Fraction] = {}
        for user_id, started, ended, fte in rows:
            share = Fraction(fte if fte is not None else 1) * days_covered(started, ended, period) / period.days
            shares[user_id] = shares.get(user_id, Fraction(0)) + share
        return shares


class Membership(models.Model):
    """A user's role in a team (coach, supervisor, member of another profession) or in an organisation (reviewer,
    reporter, admin)."""

    class Role(models.TextChoices):
        COACH = "coach", _("Coach")
        SUPERVISOR = "supervisor", _("Supervisor")
        MEMBER = "member", _("Team member (other profession)")
        REVIEWER = "reviewer", _("Fidelity reviewer")
        REPORTER = "reporter", _("Funder reporter")
        ORG_ADMIN = "org_admin", _("Organisation admin")
        UNSUPPRESSED = "unsuppressed", _("Funder figures without suppression")
        PARTICIPANT_LIST = "participant_list", _("Participant-level list for the funder")
        CONTENT_EDITOR = "content_editor", _("Content editor")

    TEAM_ROLES = frozenset({Role.COACH, Role.SUPERVISOR, Role.MEMBER})

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("team"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    profession = models.ForeignKey(
        "ips.Profession",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("profession"),
        help_text=_("In the team: nurse, physiotherapist, Kela expert..."),
    )
    fte = models.DecimalField(
        _("FTE share for IPS work"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.05")), MaxValueValidator(Decimal("1.00"))],
        help_text=_("Full-time equivalent, e.g. 0.8 for four days a week. Coaches only."),
    )
    started = models.DateField(_("started"), null=True, blank=True)
    ended = models.DateField(_("ended"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "team__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(Q(role__in=["coach", "supervisor", "member"], team__isnull=False))
                | (~Q(role__in=["coach", "supervisor", "member"]) & Q(team__isnull=True)),
                name="membership_team_only_for_team_roles",
            ),
            models.CheckConstraint(
                condition=Q(fte__isnull=True) | (Q(role="coach") & Q(fte__gt=0) & Q(fte__lte=1)),
                name="membership_fte_for_coaches_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(ended__isnull=True) | Q(started__isnull=True) | Q(ended__gte=models.F("started")),
                name="membership_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self):
        where = self.team or self.organisation
        return f"{self.user} · {self.get_role_display()} · {where}"

    def save(self, *args, **kwargs):
        if self.team_id and not self.organisation_id:
            self.organisation_id = self.team.organisation_id
        super().save(*args, **kwargs)

    def overlap_error(self) -> ValidationError:
        """The refusal of a role that would overlap this one of the same kind (see same_role_overlapping)."""
        return ValidationError(
            SAME_ROLE_OVERLAPS, code="overlap", params={"dates": span_shown(self.started, self.ended)}
        )
