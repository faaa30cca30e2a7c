"""The search behind the client picker (ips/forms/client_picker.py): a few matches as the coach types."""

from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import render

from ips import audit
from ips.access import require_role
from ips.models import Client
from ips.params import query_text

MAX_MATCHES = 8
MAX_WORDS = 3


def _matching(words):
    """Every word starts the code, the first name or the last name (so "matti v" finds Matti Virtanen)."""
    condition = Q()
    for word in words:
        condition &= Q(code__istartswith=word) | Q(first_name__istartswith=word) | Q(last_name__istartswith=word)
    return condition


@login_required
def client_search(request):
    """The coach's and their teams' open clients that match `q`, own clients first, as "CODE · First L."."""
    user = request.user
    require_role(user, "coach", "supervisor")
    words = query_text(request, "q").split()[:MAX_WORDS]
    clients = []
    if words:
        clients = list(
            Client.objects.visible_to(user)
            .active()
            .filter(_matching(words))
            .annotate(mine=Case(When(coach=user, then=Value(0)), default=Value(1), output_field=IntegerField()))
            .order_by("mine", "code")
            .only("pk", "uuid", "code", "first_name", "last_name", "anonymised_on", "team_id")[:MAX_MATCHES]
        )
        audit.log_access_many(request, clients)
    return render(request, "ips/client_search.html", {"clients": clients, "searched": bool(words)})
