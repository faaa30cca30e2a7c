"""The accessibility statement (saavutettavuusseloste), its feedback form, and the feedback list for organisation
admins. The statement and the form are public: anyone may report a barrier, signed in or not."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext

from ips.audit import remote_addr
from ips.forms.accessibility import AccessibilityFeedbackForm
from ips.forms.general import posted_data
from ips.models import AccessibilityFeedback, Membership
from ips.submissions import submission_exempt, submitted_id


def _sender_organisation(user):
    if not user.is_authenticated:
        return None
    membership = Membership.objects.filter(user=user).active().order_by("pk").first()
    return membership.organisation if membership else None


# The statement keeps its own one-time record, for anonymous senders too (the middleware's is per user): the
# submission id is stored on the feedback row, and a repeat finds it instead of saving again.
@submission_exempt
def statement(request):
    form = AccessibilityFeedbackForm(posted_data(request))
    thanks = reverse("ips:accessibility") + "#feedback"
    if request.method == "POST" and form.is_valid():
        submission_id = submitted_id(request.POST)
        client_ip = remote_addr(request)
        repeat = submission_id and AccessibilityFeedback.objects.filter(submission_id=submission_id).exists()
        limited = (
            AccessibilityFeedback.objects.recent_from(client_ip).count() >= settings.ACCESSIBILITY_FEEDBACK_PER_HOUR
        )
        if not (repeat or limited or form.is_spam()):
            feedback = form.save(commit=False)
            feedback.organisation = _sender_organisation(request.user)
            feedback.language = translation.get_language() or ""
            feedback.sender = AccessibilityFeedback.sender_digest(client_ip)
            if submission_id:
                feedback.submission_id = submission_id
            feedback.save()
        if limited and not repeat:
            form.add_error(None, gettext("Too many messages from your address within an hour. Please try again later."))
        else:
            messages.success(request, gettext("Thank you. Your feedback reaches the organisation's Polku admins."))
            return redirect(thanks)
    context = {
        "form": form,
        "assessed_on": parse_date(settings.ACCESSIBILITY_ASSESSED_ON),
        "statement_updated_on": parse_date(settings.ACCESSIBILITY_STATEMENT_UPDATED_ON),
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
    }
    return render(request, "ips/accessibility_statement.html", context)


@login_required
def feedback_list(request):
    """The feedback the organisation admin's organisations received (and what came in without signing in)."""
    admin_orgs = request.user.roles.admin_orgs
    if not admin_orgs:
        raise PermissionDenied
    feedback = AccessibilityFeedback.objects.for_admins_of(admin_orgs).select_related("organisation")[:500]
    return render(request, "ips/accessibility_feedback.html", {"feedback": feedback})
