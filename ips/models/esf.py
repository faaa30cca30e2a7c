"""What the ESF+ common indicators (Regulation (EU) 2021/1057, Annex I) need on the client's record.

The characteristics at entry are sensitive (disability, background, housing): each is optional, and each has
"does not want to say", which the funder workbook counts apart from "not recorded". The record is shown only to the
client's team, like the rest of the client page; reports count groups, never a person.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ips.periods import add_months

# The ESF+ longer-term result: the client's situation six months after leaving.
FOLLOWUP_MONTHS = 6
# A follow-up still unrecorded this many months after it fell due leaves the agenda: nobody can answer it any more.
FOLLOWUP_WINDOW_MONTHS = 6
DECLINED = "declined"


class EsfAnswer(models.TextChoices):
    """A yes/no characteristic at entry; blank is "not recorded"."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    DECLINED = DECLINED, _("Does not want to say")


class FollowUpResult(models.TextChoices):
    """The six-month follow-up: is the former client in employment (self-employment included)?"""

    EMPLOYED = "employed", _("In employment, including self-employment")
    NOT_EMPLOYED = "not_employed", _("Not in employment")
    DECLINED = DECLINED, _("Does not want to say")
    NOT_REACHED = "not_reached", _("Could not be reached")


# The characteristics at entry, in the order of Annex I: (field name, label).
ESF_CHARACTERISTICS = (
    ("disability", _("participant with a disability")),
    ("third_country_national", _("third-country national")),
    ("foreign_background", _("participant with a foreign background")),
    ("minority", _("participant from a minority")),
    ("homeless", _("homeless or affected by housing exclusion")),
    ("rural_area", _("participant from a rural area")),
)
# The immediate results at leaving (several may hold at once): (field name, label).
ESF_EXIT_RESULTS = (
    ("exit_job_searching", _("job searching upon leaving")),
    ("exit_in_education", _("in education or training upon leaving")),
    ("exit_qualification", _("gained a qualification upon leaving")),
    ("exit_employed", _("in employment, including self-employment, upon leaving")),
)


def _characteristic(label):
    return models.CharField(label, max_length=10, choices=EsfAnswer.choices, blank=True)


def _result(label):
    return models.BooleanField(label, default=False)


class EsfParticipant(models.Model):
    """The client's ESF+ fields: characteristics at entry, results at leaving, the six-month follow-up."""

    birth_year_declined = models.BooleanField(
        _("birth year: does not want to say"),
        default=False,
        help_text=_('The age band then counts as "does not want to say"; leave the birth year empty.'),
    )
    disability = _characteristic(ESF_CHARACTERISTICS[0][1])
    third_country_national = _characteristic(ESF_CHARACTERISTICS[1][1])
    foreign_background = _characteristic(ESF_CHARACTERISTICS[2][1])
    minority = _characteristic(ESF_CHARACTERISTICS[3][1])
    homeless = _characteristic(ESF_CHARACTERISTICS[4][1])
    rural_area = _characteristic(ESF_CHARACTERISTICS[5][1])

    exit_job_searching = _result(ESF_EXIT_RESULTS[0][1])
    exit_in_education = _result(ESF_EXIT_RESULTS[1][1])
    exit_qualification = _result(ESF_EXIT_RESULTS[2][1])
    exit_employed = _result(ESF_EXIT_RESULTS[3][1])

    followup_on = models.DateField(_("six-month follow-up on"), null=True, blank=True)
    followup_result = models.CharField(
        _("situation six months after leaving"), max_length=14, choices=FollowUpResult.choices, blank=True
    )

    class Meta:
        abstract = True

    @property
    def esf_characteristics(self) -> list[tuple[str, str, str]]:
        """(field, label, shown value) of each characteristic at entry, for the client's own page."""
        return [(name, label, getattr(self, f"get_{name}_display")()) for name, label in ESF_CHARACTERISTICS]

    @property
    def esf_exit_results(self) -> list[str]:
        """The labels of the results that held upon leaving."""
        return [label for name, label in ESF_EXIT_RESULTS if getattr(self, name)]

    @property
    def followup_due_on(self):
        """The day the six-month follow-up falls due, for a client who has left."""
        return add_months(self.closed_on, FOLLOWUP_MONTHS) if self.closed_on else None
