"""The job-development log: every contact a coach has with an employer."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from employers.models.employers import ContactPerson, Employer
from ips.access import AccessQuerySet
from ips.models import Client, Team
from ips.periods import short_date

# V6 of the IPS fidelity scale: six face-to-face employer contacts a week per coach scores 5.
WEEKLY_FACE_TO_FACE_TARGET = 6
MAX_CONTACT_MINUTES = 480


def _changeable_by(user) -> Q:
    roles = user.roles
    return (Q(coach=user) | Q(team__in=roles.supervisor_teams)) & (
        Q(client__isnull=True) | Q(client__anonymised_on__isnull=True)
    )


class ClientShownQuerySet(AccessQuerySet):
    """Rows that may name a client (contacts, jobs, follow-ups), listed also to those outside the client's team."""

    def with_client_shown_to(self, user):
        """Every row, with the client's code and uuid only where the user may see that client.

        The masking happens in SQL, so the name or code of another team's client never leaves the database.
        """
        shown = Q(client__team__in=user.roles.team_ids)
        return self.annotate(
            shown_client_code=Case(When(shown, then=F("client__code")), default=Value(None)),
            shown_client_uuid=Case(When(shown, then=F("client__uuid")), default=Value(None)),
        )


class EmployerContactQuerySet(ClientShownQuerySet):
    def visible_to(self, user):
        """Contacts with employers the user sees, unless they name a client of a team the user does not work in."""
        return self.filter(
            Q(client__isnull=True) | Q(client__team__in=user.roles.team_ids),
            employer__in=Employer.objects.visible_to(user),
        )

    def editable_by(self, user):
        """The coach who recorded a contact corrects or deletes it, and so do the supervisors of its team; a
        colleague reads it only. A contact of an anonymised client stays as it is (editing would bring personal
        data back, deleting would change past figures)."""
        return self.visible_to(user).filter(_changeable_by(user))

    def with_changeable_by(self, user):
        """Annotate `can_change`: whether editable_by(user) holds for the row, in SQL (no query per row).

        For rows whose employer the user sees, as on the employer page."""
        visible_client = Q(client__isnull=True) | Q(client__team__in=user.roles.team_ids)
        return self.annotate(
            can_change=Case(
                When(visible_client & _changeable_by(user), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )

    def with_notes_for(self, user):
        """Annotate `shown_outcome` and `shown_next_step`: the free text of a contact (where a coach may have typed
        a name) only for the teams the user works in. Other teams and the organisation admin see the date, purpose,
        team, coach and contact person of the contact, not what was said; the masking happens in SQL, like the
        client's code, so the text never leaves the database for them."""
        own = Q(team__in=user.roles.team_ids)
        return self.annotate(
            shown_outcome=Case(When(own, then=F("outcome")), default=Value("")),
            shown_next_step=Case(When(own, then=F("next_step")), default=Value("")),
        )

    def between(self, start, end):
        return self.filter(date__gte=start, date__lte=end)

    def week_totals(self):
        """Face-to-face count, all contacts and minutes in one aggregate query."""
        return self.aggregate(
            face_to_face=Count("pk", filter=Q(face_to_face=True)),
            contacts=Count("pk"),
            minutes=Coalesce(Sum("minutes"), 0),
        )


class EmployerContact(models.Model):
    class Purpose(models.TextChoices):
        FIRST_MEETING = "first_meeting", _("First meeting")
        RELATIONSHIP_VISIT = "relationship_visit", _("Relationship visit")
        JOB_OPENING = "job_opening", _("Job opening")
        ON_BEHALF_OF_CLIENT = "on_behalf_of_client", _("On behalf of a client")
        WORKPLACE_SUPPORT = "workplace_support", _("Support at the workplace")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date = models.DateField(_("date"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="employer_contacts",
        verbose_name=_("coach"),
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="employer_contacts", verbose_name=_("team"))
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("employer")
    )
    contact_person = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("contact person"),
    )
    face_to_face = models.BooleanField(_("face to face"), default=True)
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(1), MaxValueValidator(MAX_CONTACT_MINUTES)]
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employer_contacts",
        verbose_name=_("client"),
        help_text=_("Only when the contact was about one client."),
    )
    matches_client_preferences = models.BooleanField(
        _("matches the client's preferences"),
        null=True,
        blank=True,
        help_text=_("Was this employer chosen because of the client's own job preferences?"),
    )
    # Fidelity item V4 counts days to the first face-to-face contact about a competitive job for the client.
    about_competitive_job = models.BooleanField(
        _("about a competitive job for this client"),
        default=False,
        help_text=_("A job on the open labour market that the client could apply for or start in."),
    )
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_on = models.DateField(_("next step on"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = EmployerContactQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created"]
        verbose_name = _("employer contact")
        verbose_name_plural = _("employer contacts")
        constraints = [
            models.CheckConstraint(
                condition=Q(matches_client_preferences__isnull=True) | Q(client__isnull=False),
                name="employer_contact_preferences_only_with_client",
            ),
            models.CheckConstraint(
                condition=Q(about_competitive_job=False) | Q(client__isnull=False),
                name="employer_contact_competitive_job_only_with_client",
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1, minutes__lte=MAX_CONTACT_MINUTES),
                name="employer_contact_minutes_in_range",
            ),
            models.CheckConstraint(
                condition=Q(next_step_on__isnull=True) | Q(next_step_on__gte=F("date")),
                name="employer_contact_next_step_after_contact",
            ),
        ]
        indexes = [
            models.Index(fields=["coach", "date"]),
            models.Index(fields=["employer", "date"]),
            models.Index(fields=["client", "date"]),
            # Team figures (face-to-face contacts per coach per week) count a period's contacts of some teams.
            models.Index(fields=["team", "date", "face_to_face"], name="employers_contact_team_date"),
        ]

    def __str__(self):
        # No related names here: __str__ goes into audit rows, one per listed contact.
        return f"{short_date(self.date)} · {self.get_purpose_display()}"

    def get_additional_data(self) -> dict | None:
        if self.client_id is None:
            return None
        # The page that listed the row may already carry the uuid (with_client_shown_to): no query per row.
        client_uuid = getattr(self, "shown_client_uuid", None) or self.client.uuid
        return {"client": str(client_uuid)}
