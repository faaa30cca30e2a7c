"""My agenda: what a coach should do next, gathered from every app that plans work.

ips may not import the apps above it, so each app registers its own sources in its `AppConfig.ready`
(`agenda.register(source)`); ips contributes the clients without contact. A source is called once for all the
coaches asked about, with the viewer (who must be allowed to see each row), and answers with AgendaItems: one
query per source, however many coaches and rows (tests/ips/test_agenda.py pins it).

An item is computed from the rows that meet it, never stored: when the work is done (a contact recorded, a
follow-up met) it is simply no longer found. The same items feed the agenda page, Today, the calendar feed and the
daily digest; the feed and the digest show only `title` (pseudonym codes and employer names, never a person's name).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import TextChoices
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ips.esf_followups import due_between
from ips.models import OVERDUE_DAYS, Client

LABEL_COLUMNS = ("pk", "uuid", "code", "first_name", "last_name", "anonymised_on")
# Items due within this many days show on the agenda (and in the calendar feed) before their day.
AHEAD_DAYS = 7


class Kind(TextChoices):
    FOLLOW_UP = "follow_up", _("Follow-along contact")
    NEXT_STEP = "next_step", _("Next step with an employer")
    NO_CONTACT = "no_contact", _("No contact for 14 days")
    ESF_FOLLOW_UP = "esf_follow_up", _("Six-month follow-up")


@dataclass(frozen=True)
class AgendaItem:
    kind: str
    key: str  # stable across days: the calendar event's UID
    due_on: date
    coach_id: int
    title: str  # codes and employer names only: the feed and the digest show this
    url: str  # where the item is done
    client: Client | None = field(default=None, compare=False)  # for the access log and the coach's own label
    detail: str = ""  # the coach's own note, shown on pages to those who may read it, never in the feed

    @classmethod
    def of(cls, kind: Kind, row, **fields) -> "AgendaItem":
        """The item of `kind` that `row` gives; its key (the calendar event's UID) is the kind and the row's uuid."""
        return cls(kind=kind, key=f"{kind.replace('_', '-')}-{row.uuid}", **fields)

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def page_title(self) -> str:
        """On pages of the client's own team: "CODE · First L." where the feed has only the code."""
        if self.client is None:
            return self.title
        return self.title.replace(self.client.code, self.client.short_label, 1)


Source = Callable[..., Iterable[AgendaItem]]
_SOURCES: list[Source] = []


def register(source: Source) -> None:
    """Add a source: source(viewer=, coach_ids=, today=, until=) -> items of those coaches the viewer may see."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def agenda(viewer, coach_ids: Iterable[int], today: date) -> list[AgendaItem]:
    """Everything due for these coaches up to AHEAD_DAYS ahead, overdue first, then by day."""
    coach_ids = list(coach_ids)
    if not coach_ids:
        return []
    until = today + timedelta(days=AHEAD_DAYS)
    items = [
        item for source in _SOURCES for item in source(viewer=viewer, coach_ids=coach_ids, today=today, until=until)
    ]
    return sorted(items, key=lambda item: (item.due_on, item.kind, item.title))


def counts(items: Iterable[AgendaItem], today: date) -> dict[str, int]:
    """Overdue, due today and coming up: the digest's numbers."""
    result = {"overdue": 0, "today": 0, "soon": 0}
    for item in items:
        result["overdue" if item.due_on < today else "today" if item.due_on == today else "soon"] += 1
    return result


def quiet_clients(*, viewer, coach_ids, today, until):
    """Open clients of these coaches not contacted for OVERDUE_DAYS days (due the day the 14 days are full)."""
    clients = (
        Client.objects.visible_to(viewer)
        .filter(coach__in=coach_ids)
        .with_last_contact()
        .overdue(today)
        .only(
            "pk", "uuid", "code", "first_name", "last_name", "anonymised_on", "coach_id", "programme_entry", "created"
        )
    )
    for client in clients:
        days = (today - client.contact_reference).days
        yield AgendaItem.of(
            Kind.NO_CONTACT,
            client,
            due_on=client.contact_reference + timedelta(days=OVERDUE_DAYS),
            coach_id=client.coach_id,
            title=ngettext("%(code)s: no contact for %(days)d day", "%(code)s: no contact for %(days)d days", days)
            % {"code": client.code, "days": days},
            url=reverse("ips:client_detail", args=[client.uuid]),
            client=client,
        )


register(quiet_clients)


def esf_followups(*, viewer, coach_ids, today, until):
    """Former clients whose ESF+ six-month follow-up is due and not recorded, on the list of the coach at closure."""
    clients = due_between(viewer=viewer, coach_ids=coach_ids, today=today, until=until).only(
        "pk", "uuid", "code", "first_name", "last_name", "anonymised_on", "coach_id", "closed_on"
    )
    for client in clients:
        yield AgendaItem.of(
            Kind.ESF_FOLLOW_UP,
            client,
            due_on=client.followup_due_on,
            coach_id=client.coach_id,
            title=_("%(code)s: six-month follow-up") % {"code": client.code},
            url=reverse("ips:client_followup", args=[client.uuid]),
            client=client,
        )


register(esf_followups)
