"""Employers and their contact persons, shared by every team of an organisation."""

import re
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from employers.validators import validate_business_id
from ips.access import AccessQuerySet
from ips.models import Organisation, Team


def _section(letter, name):
    return format_lazy("{} – {}", letter, name)


class Industry(models.TextChoices):
    """TOL 2008 main classes (sections A–U), the Finnish edition of NACE Rev. 2."""

    A = "A", _section("A", _("Agriculture, forestry and fishing"))
    B = "B", _section("B", _("Mining and quarrying"))
    C = "C", _section("C", _("Manufacturing"))
    D = "D", _section("D", _("Electricity, gas, steam and air conditioning supply"))
    E = "E", _section("E", _("Water supply; sewerage, waste management and remediation activities"))
    F = "F", _section("F", _("Construction"))
    G = "G", _section("G", _("Wholesale and retail trade; repair of motor vehicles and motorcycles"))
    H = "H", _section("H", _("Transportation and storage"))
    I = "I", _section("I", _("Accommodation and food service activities"))  # noqa: E741
    J = "J", _section("J", _("Information and communication"))
    K = "K", _section("K", _("Financial and insurance activities"))
    L = "L", _section("L", _("Real estate activities"))
    M = "M", _section("M", _("Professional, scientific and technical activities"))
    N = "N", _section("N", _("Administrative and support service activities"))
    O = "O", _section("O", _("Public administration and defence; compulsory social security"))  # noqa: E741
    P = "P", _section("P", _("Education"))
    Q = "Q", _section("Q", _("Human health and social work activities"))
    R = "R", _section("R", _("Arts, entertainment and recreation"))
    S = "S", _section("S", _("Other service activities"))
    T = "T", _section("T", _("Activities of households as employers"))
    U = "U", _section("U", _("Activities of extraterritorial organisations and bodies"))


def _team_organisations(user):
    """Organisations in which the user coaches or supervises a team, as a subquery (no extra round trip)."""
    return Team.objects.filter(pk__in=user.roles.team_ids).values("organisation_id")


def _related_model(queryset, relation: str):
    """Contacts and jobs import this module (their foreign key to Employer): reach them through the reverse relation."""
    return queryset.model._meta.get_field(relation).related_model


class EmployerQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """Employers are shared within an organisation: its coaches, supervisors and admins see them all."""
        roles = user.roles
        return self.filter(Q(organisation__in=_team_organisations(user)) | Q(organisation__in=roles.admin_orgs))

    def editable_by(self, user):
        """Coaches and supervisors keep the register; an organisation admin only reads it."""
        return self.filter(organisation__in=_team_organisations(user))

    def with_activity(self, today=None):
        """Last contact, contacts this year, jobs and clients working there now, each a correlated subquery."""
        today = today or timezone.localdate()
        contacts = (
            _related_model(self, "contacts").objects.filter(employer=OuterRef("pk")).order_by().values("employer")
        )
        jobs = _related_model(self, "jobs").objects.filter(employer=OuterRef("pk")).order_by().values("employer")
        current = jobs.filter(Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today)
        return self.annotate(
            last_contact=Subquery(contacts.annotate(last=Max("date")).values("last")),
            contacts_this_year=Coalesce(
                Subquery(contacts.filter(date__year=today.year).annotate(n=Count("pk")).values("n")), 0
            ),
            jobs_count=Coalesce(Subquery(jobs.annotate(n=Count("pk")).values("n")), 0),
            working_now=Coalesce(
                Subquery(current.annotate(n=Count("client", distinct=True)).values("n")),
                0,
            ),
        )

    def named_like(self, name: str):
        """Employers whose name is `name` but for letter case and spacing ("vaasan  KAUPPAHALLI oy" finds "Vaasan
        Kauppahalli Oy"). A case-insensitive regular expression in SQL: SQLite runs it with Python's re, which folds
        ä and Ä as PostgreSQL's ~* does; LOWER() on SQLite folds ASCII only."""
        words = name.split()
        if not words:
            return self.none()
        return self.filter(name__iregex=r"^\s*" + r"\s+".join(re.escape(word) for word in words) + r"\s*$")

    def not_contacted_since(self, day):
        """No contact on or after `day` (never contacted counts too)."""
        contacts = _related_model(self, "contacts")
        return self.exclude(Exists(contacts.objects.filter(employer=OuterRef("pk"), date__gte=day)))


class Employer(models.Model):
    class Status(models.TextChoices):
        LEAD = "lead", _("Lead")
        IN_CONTACT = "in_contact", _("In contact")
        HIRING_PARTNER = "hiring_partner", _("Hiring partner")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="employers", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Y-tunnus, e.g. 0112038-9. Leave empty if not known yet."),
    )
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    status = models.CharField(_("relationship"), max_length=20, choices=Status.choices, default=Status.LEAD)
    responsible_coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_employers",
        verbose_name=_("responsible coach"),
    )
    notes = models.CharField(
        _("notes"),
        max_length=500,
        blank=True,
        help_text=_("Short notes about the workplace. No client information here."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "business_id"],
                condition=~Q(business_id=""),
                name="employer_business_id_unique_in_organisation",
            )
        ]
        indexes = [models.Index(fields=["organisation", "name"])]

    def __str__(self):
        return self.name


class ContactPersonQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """A contact person belongs to the employer's register: whoever sees the employer sees its people."""
        return self.filter(employer__in=Employer.objects.visible_to(user))

    def editable_by(self, user):
        return self.filter(employer__in=Employer.objects.editable_by(user))

    def active(self):
        return self.filter(active=True)


class ContactPerson(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="contact_persons", verbose_name=_("employer")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("E.g. shop manager, HR partner."))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # A person named in recorded contacts is not deleted (the history would lose who was met) but set inactive:
    # kept in the history, no longer offered for new contacts.
    active = models.BooleanField(
        _("still a contact person"),
        default=True,
        help_text=_("Clear this when the person has left or is no longer your contact. Past contacts keep the name."),
    )

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name
