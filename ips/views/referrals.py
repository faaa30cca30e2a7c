"""Referral intake and decision. Accepting starts the client's programme; declining keeps no name."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from ips import audit
from ips.access import get_for_user, require_role
from ips.forms import posted_data
from ips.forms.clients import ReferralAcceptForm, ReferralDeclineForm, ReferralForm
from ips.models import Referral
from ips.services import referral_accept, referral_decline


@login_required
def referral_list(request):
    require_role(request.user, "coach", "supervisor", "member")
    referrals = Referral.objects.visible_to(request.user).select_related("source", "team", "client")
    pending = list(referrals.pending())
    decided = list(referrals.exclude(decision=Referral.Decision.PENDING)[:30])
    # Pending referrals show a name, accepted ones the client's code; declined ones keep neither.
    audit.log_access_many(
        request, [referral for referral in (*pending, *decided) if referral.client_id or referral.first_name]
    )
    return render(request, "ips/referral_list.html", {"pending": pending, "decided": decided})


@login_required
def referral_create(request):
    require_role(request.user, "coach", "supervisor", "member")
    form = ReferralForm(posted_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        referral = form.save()
        messages.success(request, gettext("Referral saved. Decide on it when you have met the person."))
        return redirect("ips:referral_decide", uuid=referral.uuid)
    return render(request, "ips/referral_form.html", {"form": form, "title": gettext("New referral")})


@login_required
def referral_decide(request, uuid):
    referral = get_for_user(
        request, Referral.objects.select_related("source", "team"), write=request.method == "POST", uuid=uuid
    )
    if referral.decision != Referral.Decision.PENDING:
        if referral.client_id:
            return redirect("ips:client_detail", uuid=referral.client.uuid)
        return render(request, "ips/referral_decide.html", {"referral": referral})
    initial = {"first_name": referral.first_name, "last_name": referral.last_name, "coach": request.user.pk}
    accept_form = ReferralAcceptForm(initial=initial, referral=referral, auto_id="accept_%s")
    decline_form = ReferralDeclineForm(auto_id="decline_%s")
    if request.method == "POST" and request.POST.get("decision") == "accept":
        accept_form = ReferralAcceptForm(request.POST, referral=referral, auto_id="accept_%s")
        if accept_form.is_valid():
            client = referral_accept(referral=referral, by=request.user, **_accept_args(accept_form.cleaned_data))
            messages.success(request, gettext("Referral accepted. The client's path begins at engagement."))
            return redirect("ips:client_detail", uuid=client.uuid)
    elif request.method == "POST" and request.POST.get("decision") == "decline":
        decline_form = ReferralDeclineForm(request.POST, auto_id="decline_%s")
        if decline_form.is_valid():
            data = decline_form.cleaned_data
            referral_decline(
                referral=referral, declined_on=data["declined_on"], reason=data["reason"], note=data["note"]
            )
            messages.success(request, gettext("Referral declined. It is kept without the person's name."))
            return redirect("ips:referral_list")
    return render(
        request,
        "ips/referral_decide.html",
        {"referral": referral, "accept_form": accept_form, "decline_form": decline_form},
    )


def _accept_args(data):
    return {
        "accepted_on": data["accepted_on"],
        "first_name": data["first_name"],
        "last_name": data["last_name"],
        "coach": data["coach"],
        "service_type": data["service_type"],
    }
