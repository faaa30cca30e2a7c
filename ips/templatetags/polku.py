import re
import uuid
from datetime import date

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from ips.changes import action_label
from ips.forms.trust import SUBMISSION_FIELD
from ips.i18n import translated
from ips.periods import percent_step, short_date

register = template.Library()
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@register.filter
def minutes(duration) -> int:
    """A timedelta as whole minutes (rounded up), for messages such as the lockout notice."""
    if not duration:
        return 0
    return -(-int(duration.total_seconds()) // 60)


@register.filter
def tr(obj, field: str) -> str:
    """The reader's-language value of a three-language field: {{ kind|tr:"name" }}."""
    return translated(obj, field)


@register.filter
def msgid(message) -> str:
    """A message id kept as data (marked with gettext_noop in Python), in the reader's language: {{ label|msgid }}.
    `{% translate label %}` looks a variable up with its percent signs doubled, as template text is extracted, so it
    misses every Python msgid with a % in it ("Share of the caseload (%)")."""
    return gettext(message) if message else message


@register.filter
def figure(value):
    """A figure kept as JSON, for the reader: an ISO date ("2026-11-25", as JSON keeps dates) as a short local date."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return short_date(date.fromisoformat(value))
    return value


@register.filter
def logged_action(entry) -> str:
    """An audit row's action in the reader's language: created, changed, deleted, viewed, exported, anonymised."""
    return action_label(entry)


@register.filter
def duration(total_minutes) -> str:
    """Minutes as hours and minutes: 95 -> "1 h 35 min"; the units read the same in Finnish, Swedish and English."""
    total = int(total_minutes or 0)
    hours, rest = divmod(total, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


@register.filter
def percent_of(part, whole) -> int:
    """A bar's width bucket (0–100 in steps of 5) for CSS classes, since style="" is forbidden by the CSP."""
    return percent_step(part, whole, 5)


@register.simple_tag
def one_time_submission():
    """A button form's hidden one-time submission id (ips/submissions.py): a double click acts once."""
    return format_html('<input type="hidden" name="{}" value="{}">', SUBMISSION_FIELD, uuid.uuid4())


@register.filter
def client_label(client, user) -> str:
    """ "CODE · First L." for a client of the user's own teams, the pseudonym code for anyone else's."""
    if client is None:
        return ""
    return client.short_label if client.team_id in user.roles.team_ids else client.code


@register.simple_block_tag
def table(content, *columns, labelledby, rows=True, empty="", caption="", classes=""):
    """A table in a scrollable region that the heading `labelledby` names, so keyboard users can scroll it.

    {% table _("Job") _("Dates") rows=jobs labelledby="jobs-title" empty=_("No jobs.") %}{% for … %}<tr>…{% endtable %}
    With `columns`, their header cells and the content as the body; without, the content is the whole table (a head
    of its own). With `rows` given and empty, the muted `empty` sentence instead of the table.
    """
    if not rows:
        return format_html('<p class="muted">{}</p>', empty)
    if columns:
        head = format_html_join("", '<th scope="col">{}</th>', ((column,) for column in columns))
        content = format_html("<thead><tr>{}</tr></thead><tbody>{}</tbody>", head, content)
    return format_html(
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="{}"><table{}>{}{}</table></div>',
        labelledby,
        format_html(' class="{}"', classes) if classes else "",
        format_html('<caption class="visually-hidden">{}</caption>', caption) if caption else "",
        content,
    )
