"""Accompanied hand-over (saattaen vaihto) of a client to another service: record, correct, and the client's list
of them (a page, and the fragment the client page loads, so the client page's query count stays as it was)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from ips.access import can_edit, get_for_user
from ips.forms import posted_data
from ips.forms.handover import HandOverForm
from ips.http import render_page_or_fragment
from ips.models import HandOver
from ips.support_services import hand_over_record
from ips.views.team import client_for


def _back(client):
    return redirect(reverse("ips:client_detail", args=[client.uuid]) + "#hand-overs")


def _form_page(request, form, *, client, title):
    back = reverse("ips:client_detail", args=[client.uuid])
    return render(request, "ips/client_form.html", {"form": form, "title": title, "client": client, "back": back})


@login_required
def hand_over_add(request, uuid):
    client = client_for(request, uuid, write=True)
    form = HandOverForm(posted_data(request), client=client, user=request.user)
    if request.method == "POST" and form.is_valid():
        minutes = form.cleaned_data.get("minutes")
        hand_over = hand_over_record(hand_over=form.save(commit=False), client=client, by=request.user, minutes=minutes)
        if hand_over.closes_service:
            messages.success(request, gettext("The hand-over is recorded and the client's service is closed."))
        else:
            messages.success(request, gettext("The hand-over is recorded; the client's service continues."))
        return _back(client)
    return _form_page(request, form, client=client, title=gettext("Hand the client over to another service"))


@login_required
def hand_over_edit(request, uuid, record):
    client = client_for(request, uuid, write=True)
    hand_over = get_for_user(request, HandOver.objects.filter(client=client), write=True, uuid=record)
    form = HandOverForm(posted_data(request), instance=hand_over, client=client)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Saved."))
        return _back(client)
    return _form_page(request, form, client=client, title=gettext("Correct the hand-over"))


@login_required
def client_hand_overs(request, uuid):
    """The client's hand-overs to other services, newest first: a page, or the client page's fragment."""
    client = client_for(request, uuid)
    hand_overs = list(client.hand_overs.select_related("destination", "recorded_by"))
    context = {"client": client, "hand_overs": hand_overs, "can_write": can_edit(request.user, client)}
    return render_page_or_fragment(request, "ips/hand_overs.html", "hand_overs", context)
