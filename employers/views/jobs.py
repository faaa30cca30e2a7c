"""Job starts and ends, from the client's context (URLs carry the client's or the job's uuid)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers import services
from employers.forms import JobEndForm, JobStartForm
from employers.models import FollowUp, Job
from ips.access import get_for_user, require_role
from ips.forms import posted_data
from ips.http import redirect_next
from ips.models import Client


def _client_page(client) -> str:
    return reverse("ips:client_detail", args=[client.uuid])


@login_required
def job_start(request, uuid):
    require_role(request.user, "coach", "supervisor")
    client = get_for_user(request, Client, write=True, uuid=uuid)
    form = JobStartForm(posted_data(request), user=request.user, client=client)
    if request.method == "POST" and form.is_valid():
        job = services.job_start_record(client=client, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Job start recorded. Follow-along contacts are planned from %(date)s.")
            % {"date": date_format(job.start_date, "SHORT_DATE_FORMAT")},
        )
        return redirect_next(request, _client_page(client))
    return render(
        request, "employers/job_form.html", {"form": form, "client": client, "title": _("Record a job start")}
    )


@login_required
def job_end(request, uuid):
    require_role(request.user, "coach", "supervisor")
    job = get_for_user(request, Job.objects.select_related("client", "employer"), write=True, uuid=uuid)
    form = JobEndForm(posted_data(request), instance=job)
    if request.method == "POST" and form.is_valid():
        services.job_end_record(
            job=job, end_date=form.cleaned_data["end_date"], end_reason=form.cleaned_data["end_reason"], by=request.user
        )
        if job.client.is_closed:
            messages.success(request, _("Job end recorded. The service is closed, so no follow-along is planned."))
        else:
            messages.success(request, _("Job end recorded. A follow-along contact is planned within 3 days."))
        return redirect_next(request, _client_page(job.client))
    return render(
        request,
        "employers/job_form.html",
        {"form": form, "client": job.client, "job": job, "title": _("Record the end of a job")},
    )


@require_POST
@login_required
def follow_up_done(request, uuid):
    require_role(request.user, "coach", "supervisor")
    follow_up = get_for_user(request, FollowUp.objects.select_related("client"), write=True, uuid=uuid)
    services.follow_up_mark_done(follow_up=follow_up, on=timezone.localdate(), by=request.user)
    messages.success(request, _("Follow-up marked done."))
    return redirect_next(request, reverse("employers:client_jobs", args=[follow_up.client.uuid]))
