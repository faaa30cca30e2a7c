"""Referrals into the service. Declined referrals are kept, without a name, for the zero-exclusion item (O6)."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.clients import Client
from ips.models.lists import ReferralSource
from ips.models.people import Team
from ips.periods import short_date


class ReferralQuerySet(AccessQuerySet):
    def visible_to(self, user):
        return self.filter(team__in=user.roles.client_team_ids)

    def pending(self):
        return self.filter(decision=Referral.Decision.PENDING)


class Referral(models.Model):
    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class DeclineReason(models.TextChoices):
        # No "not ready for work": IPS turns nobody away for readiness; these are the reasons that remain.
        CLIENT_DECLINED = "client_declined", _("The person did not want the service")
        NOT_REACHED = "not_reached", _("The person could not be reached")
        OUTSIDE_AREA = "outside_area", _("Lives outside the service area")
        OTHER_SERVICE = "other_service", _("Another service fits better")
        OTHER = "other", _("Other reason")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("team"))
    source = models.ForeignKey(
        ReferralSource, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("referral source")
    )
    referrer_organisation = models.CharField(_("referring organisation"), max_length=120, blank=True)
    referrer_contact = models.CharField(
        _("referrer's contact"), max_length=120, blank=True, help_text=_("Name and phone or e-mail of the referrer.")
    )
    referred_on = models.DateField(_("referral date"))
    # The name is held only while the referral is pending; a decline clears it, acceptance moves it to the client.
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), null=True, blank=True, validators=[MinValueValidator(1920), MaxValueValidator(2015)]
    )
    municipality = models.CharField(_("municipality"), max_length=80, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.CharField(_("note on declining"), max_length=200, blank=True)
    client = models.OneToOneField(
        Client, on_delete=models.SET_NULL, null=True, blank=True, related_name="referral", verbose_name=_("client")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_on", "-created"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision="declined") | (~Q(decline_reason="") & Q(first_name="") & Q(last_name="")),
                name="declined_referral_has_reason_and_no_name",
            ),
            models.CheckConstraint(
                condition=Q(decision="pending") | Q(decided_on__isnull=False), name="decided_referral_has_date"
            ),
        ]

    def __str__(self):
        return f"{self.source} · {short_date(self.referred_on)}"

    def get_additional_data(self) -> dict:
        return {"client": str(self.client.uuid)} if self.client_id else {"referral": str(self.uuid)}
