"""Fetching reviews for a user: the access rules live in ReviewQuerySet, the lock of a finalised review here."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST

from fidelity.models import Review
from ips import audit
from ips.access import get_for_user
from ips.models import Client

# The column the indicators name the client in (fidelity.indicators: detail(columns=[..., "Client", ...])).
CLIENT_COLUMN = "Client"


def review_queryset():
    return Review.objects.select_related("team", "team__organisation", "scale")


def get_review(request, uuid, *, write=False) -> Review:
    return get_for_user(request, review_queryset(), write=write, uuid=uuid)


def locked_response(request, review):
    """A finalised review is never changed: say so, and offer the way forward (a new review)."""
    return render(request, "fidelity/review_locked.html", {"review": review}, status=403)


def log_clients_in_figures(request, review, ratings) -> None:
    """The rows behind a suggestion name clients by pseudonym code: showing them is logged per client, as the
    funder workbook's list of codes is (one query and one insert, whatever the number of rows)."""
    codes = set()
    for rating in ratings:
        columns = (rating.measured_detail or {}).get("columns", [])
        if CLIENT_COLUMN in columns:
            index = columns.index(CLIENT_COLUMN)
            codes.update(row[index] for row in rating.measured_detail.get("rows", []))
    if codes:
        clients = Client.objects.filter(organisation_id=review.team.organisation_id, code__in=codes)
        audit.log_access_many(request, clients.only("pk", "code", "uuid"))


def _draft_review(view):
    """The review of the URL, fetched for writing: others get 404/403, a finalised review the lock page."""

    @wraps(view)
    def wrapper(request, uuid, *args, **kwargs):
        review = get_review(request, uuid, write=True)
        if review.is_finalised:
            return locked_response(request, review)
        return view(request, review, *args, **kwargs)

    return wrapper


def review_write(view):
    """POST by an assigned reviewer on a draft review: others get 404/403, a finalised review the lock page."""
    return login_required(require_POST(_draft_review(view)))


def review_edit_page(view):
    """GET and POST pages that change a review (forms on their own page): same rules as review_write."""
    return login_required(_draft_review(view))
