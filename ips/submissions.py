"""A double click or a double Enter saves once, for every form with a one-time submission id (ips/forms/trust.py).

The middleware runs each POST that carries an id in one transaction: it claims the id first (a row of
ips.Submission, unique per user), then runs the view. When the view saved (a redirect, or an htmx answer after a
valid form) the claim stays with the redirect's address; when it refused the input the claim is dropped, so the
corrected form can be sent with the same id. A second POST with a claimed id runs no view: it is sent where the
first one went, or, for htmx, gets the view's fresh GET answer. Two POSTs at the same moment meet at the unique
index: the second waits for the first's transaction and then finds its claim.
"""

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext

from ips.forms.trust import SUBMISSION_FIELD, collect_validated_forms, parse_submission_id
from ips.models import Submission

# A repeat comes within seconds; a day covers a form sent again after a lost connection.
SUBMISSION_KEEP = timedelta(days=1)


def submission_exempt(view):
    """For a view that keeps its own one-time record (the quick add stores the id on the entry it creates)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return view(*args, **kwargs)

    wrapped.submission_exempt = True
    return wrapped


def submitted_id(post):
    """The POST's one-time submission id, prefixed or not ("employer-contact-submission_id"), if it has one."""
    for key in post:
        named = key == SUBMISSION_FIELD or key.endswith(f"-{SUBMISSION_FIELD}")
        if named and (value := parse_submission_id(post.get(key))) is not None:
            return value
    return None


def _saved(request, response, forms) -> bool:
    if 300 <= response.status_code < 400:
        return True
    bound = [form for form in forms if form.is_bound]
    return bool(request.htmx) and response.status_code < 300 and bool(bound) and not any(f.errors for f in bound)


def _repeat_answer(request, earlier, view, args, kwargs):
    """The answer to a repeat: where the first POST went, or what the page shows now for htmx."""
    if earlier.result_url:
        messages.info(request, gettext("The form was sent twice; it was saved once."))
        return HttpResponseRedirect(earlier.result_url)
    request.method = "GET"
    response = view(request, *args, **kwargs)
    # A POST-only view has no page to show again: htmx keeps what the first answer put on the page.
    return HttpResponse(status=204) if response.status_code == 405 else response


class OneTimeSubmissionMiddleware:
    """Listed after the CSRF and authentication middleware: it runs the view itself for a protected POST."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if request.method != "POST" or getattr(view, "submission_exempt", False):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        token = submitted_id(request.POST)
        if token is None:
            return None
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = Submission.objects.create(user=user, token=token)
            except IntegrityError:
                earlier = Submission.objects.filter(user=user, token=token).first()
                return _repeat_answer(request, earlier, view, args, kwargs) if earlier else None
            with collect_validated_forms() as forms:
                response = view(request, *args, **kwargs)
            if _saved(request, response, forms):
                claim.result_url = response.get("Location", "")[:2000]
                claim.save(update_fields=["result_url"])
                Submission.objects.filter(created_at__lt=timezone.now() - SUBMISSION_KEEP).delete()
            else:
                claim.delete()
        return response
