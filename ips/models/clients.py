"""Clients of IPS job coaching. Names stay on the client's own pages; everywhere else the pseudonym code stands."""

import secrets
import uuid

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.people import Organisation, Team

# Crockford-style alphabet: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class ClientQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """Coaches and supervisors of the client's team; nobody else sees a client."""
        return self.filter(team__in=user.roles.team_ids)


class Client(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="clients", verbose_name=_("organisation")
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="clients", verbose_name=_("team"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clients",
        verbose_name=_("coach"),
    )
    code = models.CharField(_("pseudonym code"), max_length=20, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="client_code_unique_in_organisation")
        ]

    def __str__(self):
        # The code, not the name: __str__ reaches audit logs, admin lists and error pages.
        return self.code

    def save(self, *args, **kwargs):
        if self.team_id and not self.organisation_id:
            self.organisation_id = self.team.organisation_id
        if self.code:
            return super().save(*args, **kwargs)
        prefix = self.organisation.code.upper()
        for _attempt in range(5):
            self.code = f"{prefix}-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Client.objects.filter(organisation_id=self.organisation_id, code=self.code).exists():
                    raise
        raise IntegrityError("Could not allocate a unique pseudonym code.")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_additional_data(self) -> dict:
        """Stored with every audit-log row, so the log of one client can be listed."""
        return {"client": str(self.uuid)}
