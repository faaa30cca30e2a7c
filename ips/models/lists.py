"""Admin-extensible lists in three languages. Rows ship in a data migration; code identifies a row for good."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.i18n import TranslatedName


class ActivityKind(TranslatedName):
    """What a coach spent logged minutes on. Fidelity indicators count by code, so codes never change."""

    class Code:
        """The codes Polku counts by (the rows come from a data migration; admins add others)."""

        CLIENT_MEETING = "client_meeting"
        ON_THE_JOB_SUPPORT = "on_the_job_support"
        OFF_THE_JOB_SUPPORT = "off_the_job_support"
        BENEFITS_COUNSELLING = "benefits_counselling"
        DISCLOSURE_DISCUSSION = "disclosure_discussion"
        OUTREACH_ATTEMPT = "outreach_attempt"
        TREATMENT_TEAM_MEETING = "treatment_team_meeting"
        # Fidelity item O3: employment-services and Kela counsellors.
        AGENCY_MEETING = "agency_meeting"
        AGENCY_CONTACT = "agency_contact"
        NETWORK_MEETING = "network_meeting"
        # The work of a multi-professional work-ability support team (issue 15).
        ASSESSMENT_VISIT = "assessment_visit"
        JOINT_VISIT = "joint_visit"
        CONSULTATION = "consultation"
        HAND_OVER = "hand_over"

    is_employment_work = models.BooleanField(
        _("employment work"),
        default=True,
        help_text=_("Counts towards the share of time on employment services (fidelity item S2)."),
    )
    is_client_contact = models.BooleanField(
        _("client contact"),
        default=False,
        help_text=_("An entry of this kind with a client resets the client's days without contact."),
    )
    needs_consent = models.BooleanField(
        _("needs consent"),
        default=False,
        help_text=_("Network work: refused for a client without valid consent to exchange information."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("activity kind")
        verbose_name_plural = _("activity kinds")


class ReferralSource(TranslatedName):
    class Meta(TranslatedName.Meta):
        verbose_name = _("referral source")
        verbose_name_plural = _("referral sources")


class TargetGroup(TranslatedName):
    class Meta(TranslatedName.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class ProfessionQuerySet(AccessQuerySet):
    def for_organisation(self, organisation_id):
        """The shared professions and the organisation's own, those in use."""
        return self.filter(Q(organisation__isnull=True) | Q(organisation=organisation_id), active=True)

    def visible_to(self, user):
        """For editing: an organisation's own professions, to its admins (the shared rows ship with Polku)."""
        return self.filter(organisation__in=user.roles.admin_orgs)


class Profession(TranslatedName):
    """A profession of a work-ability support team (nurse, physiotherapist, Kela expert...).

    The shared rows ship in a data migration; an organisation adds its own (organisation set), seen only by it.
    """

    class Code:
        COACH = "ips_coach"

    organisation = models.ForeignKey(
        "ips.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="professions",
        verbose_name=_("organisation"),
        help_text=_("Empty for the professions every organisation shares."),
    )

    objects = ProfessionQuerySet.as_manager()

    class Meta(TranslatedName.Meta):
        verbose_name = _("profession")
        verbose_name_plural = _("professions")


class Party(TranslatedName):
    """A party of the client's network that information may be exchanged with (Kela, employment services,
    occupational health, employers...): a consent names the parties it covers."""

    class Code:
        KELA = "kela"
        EMPLOYMENT_SERVICES = "employment_services"
        EMPLOYERS = "employers"

    class Meta(TranslatedName.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")
