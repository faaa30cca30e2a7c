"""One case per form of Polku: the view that takes it, the user who may, and values it accepts."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from content.models import TrainingFilterForm
from employers import forms as employer_forms
from employers.imports.forms import ImportMappingForm
from fidelity import forms as fidelity_forms
from fidelity.models import FidelityScale, ScaleComponent
from ips.forms import clients as client_forms
from ips.forms.accessibility import AccessibilityFeedbackForm
from ips.forms.entries import TimeEntryForm
from ips.forms.general import ClientCodeForm, LanguageForm
from ips.forms.reminders import ReminderForm
from ips.forms.week_grid import WeekGridForm
from ips.models import Goal, ReferralSource, ReminderSettings, TargetGroup
from ips.periods import quarter_of
from ips.views.week_grid import unbound_grid_form
from ips.week_sheet import WeekSheet
from reports import forms as report_forms
from reports.scopes import choices_for
from tests.hostile_input.admin_cases import ADMIN_CASES
from tests.hostile_input.handover_cases import HANDOVER_CASES
from tests.hostile_input.team_cases import TEAM_CASES
from tests.hostile_input.world import (
    Case,
    activity_kind,
    as_sent,
    bound_rating_form,
    client_case,
    client_change_case,
    edit_case,
    is_current_version,
    iso,
    page_case,
)


def _decision(form, decision, valid, build=None):
    """One of the two forms of a referral's page: its button sends the decision, its ids and its name in the context
    carry it, and a rejected submission must leave the referral undecided."""
    return Case(
        form,
        "coach_a",
        lambda w: reverse("ips:referral_decide", args=[w.referral.uuid]),
        build or (lambda w: form(auto_id=f"{decision}_%s")),
        valid,
        fixed={"decision": decision},
        bound=lambda context: context[f"{decision}_form"],
        watch=lambda w: [w.referral],
    )


CASES = [
    page_case(
        AccessibilityFeedbackForm,
        "coach_a",
        "ips:accessibility",
        lambda w: {"message": "Kontrasti on heikko", "page": "Tänään", "name": "Anna", "email": "anna@example.org"},
    ),
    page_case(
        client_forms.ReferralForm,
        "coach_a",
        "ips:referral_create",
        lambda w: {
            "team": w.team_a.pk,
            "source": ReferralSource.objects.get(code="kela").pk,
            "referred_on": iso(w.today),
            "first_name": "Outi",
            "last_name": "Ohjattava",
            "birth_year": "1990",
            "municipality": "Vaasa",
        },
        build=lambda w: client_forms.ReferralForm(user=w.coach_a),
    ),
    _decision(
        client_forms.ReferralAcceptForm,
        "accept",
        lambda w: {
            "accepted_on": iso(w.today),
            "first_name": "Outi",
            "last_name": "Ohjattava",
            "coach": w.coach_a.pk,
            "service_type": "ips",
        },
        build=lambda w: client_forms.ReferralAcceptForm(referral=w.referral, auto_id="accept_%s"),
    ),
    _decision(
        client_forms.ReferralDeclineForm,
        "decline",
        lambda w: {"declined_on": iso(w.today), "reason": "client_declined", "note": ""},
    ),
    client_case(
        client_forms.ClientForm,
        "ips:client_edit",
        lambda w: {
            "first_name": "Ville",
            "last_name": "Esimerkki",
            "team": w.team_a.pk,
            "coach": w.coach_a2.pk,
            "service_type": "ips",
            "gender": "male",
            "language": "fi",
            "target_groups": [TargetGroup.objects.filter(active=True).first().pk],
        },
        build=lambda w: client_forms.ClientForm(instance=w.client, user=w.coach_a),
        watch=lambda w: [w.client],
    ),
    client_change_case(
        client_forms.StageChangeForm, "ips:client_stage", lambda w: {"stage": "profile", "changed_on": iso(w.today)}
    ),
    edit_case(
        client_forms.ClosureForm,
        "ips:client_close",
        "client",
        lambda w: {"closed_on": iso(w.today), "outcome": "education", "satisfaction": "8"},
    ),
    edit_case(
        client_forms.FollowUpForm,
        "ips:client_followup",
        "closed_client",
        lambda w: {"followup_on": iso(w.today), "followup_result": "employed"},
    ),
    client_case(
        client_forms.SatisfactionForm, "ips:satisfaction_add", lambda w: {"answered_on": iso(w.today), "score": "8"}
    ),
    client_case(
        client_forms.ConsentForm, "ips:consent_add", lambda w: {"given_on": iso(w.today), "scope": "Kela, TE-palvelut"}
    ),
    client_case(
        client_forms.GoalForm,
        "ips:goal_add",
        lambda w: {"text": "Kesätyö", "status": Goal.Status.OPEN, "set_on": iso(w.today)},
    ),
    client_case(
        client_forms.VocationalProfileForm,
        "ips:profile_edit",
        lambda w: {"preferences": "Ulkotyö", "strengths": "Täsmällinen", "work_history": ""},
    ),
    client_case(
        client_forms.KykyviisariForm,
        "ips:score_add",
        lambda w: {"measured_on": iso(w.today), "score": "6.5", "kind": "follow_up"},
    ),
    page_case(
        TimeEntryForm,
        "coach_a",
        "ips:entry_create",
        lambda w: {
            "date": iso(w.today),
            "minutes": "45",
            "kind": activity_kind(),
            "setting": "office",
            "client": w.client.pk,
            "note": "",
        },
        build=lambda w: TimeEntryForm(user=w.coach_a, auto_id="add_%s"),
        htmx=True,
    ),
    page_case(
        ReminderForm,
        "coach_a",
        "ips:reminders",
        lambda w: {"feed": "on", "daily_digest": "on"},
        build=lambda w: ReminderForm(instance=ReminderSettings.objects.get_or_create(user=w.coach_a)[0]),
        watch=lambda w: list(ReminderSettings.objects.filter(user=w.coach_a)),
    ),
    page_case(
        WeekGridForm,
        "coach_a",
        "ips:week_grid",
        lambda w: {
            "r0-kind": activity_kind(),
            "r0-setting": "office",
            "r0-d0": "30",
            "rows": "1",
            "week_fingerprint": WeekSheet.load(w.coach_a, w.today).fingerprint,
        },
        build=lambda w: unbound_grid_form(w.coach_a, w.today, w.today),
    ),
    page_case(
        LanguageForm,
        "coach_a",
        "ips:language_set",
        lambda w: {"language": "sv", "next": "/"},
        accepts=lambda w, data: LanguageForm(as_sent(data)).is_valid(),
    ),
    page_case(ClientCodeForm, "org_admin", "ips:client_audit_log", lambda w: {"code": w.client.code}, method="get"),
    page_case(
        employer_forms.EmployerForm,
        "coach_a",
        "employers:employer_create",
        lambda w: {"name": "Vaasan Kone Oy", "business_id": "", "status": "lead", "responsible_coach": w.coach_a.pk},
        build=lambda w: employer_forms.EmployerForm(organisation=w.org_a),
    ),
    Case(
        employer_forms.ContactPersonForm,
        "coach_a",
        lambda w: reverse("employers:contact_person_create", args=[w.employer.uuid]),
        lambda w: employer_forms.ContactPersonForm(),
        lambda w: {"name": "Maija Mehiläinen", "role": "HR", "phone": "040 123 4567", "email": "maija@example.fi"},
    ),
    Case(
        employer_forms.EmployerContactForm,
        "coach_a",
        lambda w: reverse("employers:employer_contact_create", args=[w.employer.uuid]),
        lambda w: employer_forms.EmployerContactForm(user=w.coach_a, employer=w.employer),
        lambda w: {
            "date": iso(w.today),
            "face_to_face": "on",
            "minutes": "60",
            "purpose": "first_meeting",
            "contact_person": w.employer.contact_persons.first().pk,
            "client": w.client.pk,
            "matches_client_preferences": "true",
        },
    ),
    page_case(
        employer_forms.QuickContactForm,
        "coach_a",
        "employers:today_panel",
        lambda w: {"employer": w.employer.pk, "date": iso(w.today), "minutes": "30", "purpose": "first_meeting"},
        build=lambda w: employer_forms.QuickContactForm(user=w.coach_a, prefix="employer-contact"),
    ),
    client_case(
        employer_forms.JobStartForm,
        "employers:job_start",
        lambda w: {
            "employer": w.employer.pk,
            "title": "Varastotyöntekijä",
            "occupation_code": "93",
            "start_date": iso(w.today),
            "hours_per_week": "20",
            "hourly_wage": "12.50",
            "contract_type": "permanent",
            "competitive": "on",
        },
        build=lambda w: employer_forms.JobStartForm(user=w.coach_a, client=w.client),
        watch=lambda w: [w.client, w.employer],
    ),
    edit_case(
        employer_forms.JobEndForm,
        "employers:job_end",
        "job",
        lambda w: {"end_date": iso(w.today), "end_reason": "better_job"},
    ),
    page_case(
        fidelity_forms.ReviewCreateForm,
        "supervisor_a",
        "fidelity:review_create",
        lambda w: {
            "team": w.team_a.pk,
            "scale": FidelityScale.objects.get(code="IPS-25").pk,
            "period_start": iso(w.today - timedelta(days=180)),
            "period_end": iso(w.today),
            "review_start": iso(w.today),
            "review_end": iso(w.today + timedelta(days=1)),
            "reviewers": [w.reviewer.pk],
        },
        build=lambda w: fidelity_forms.ReviewCreateForm(teams=w.team_a.__class__.objects.filter(pk=w.team_a.pk)),
    ),
    Case(
        fidelity_forms.ReviewSettingsForm,
        "supervisor_a",
        lambda w: reverse("fidelity:review_settings", args=[w.review.uuid]),
        lambda w: fidelity_forms.ReviewSettingsForm(instance=w.review),
        lambda w: {
            "period_start": iso(w.today - timedelta(days=90)),
            "period_end": iso(w.today),
            "review_start": iso(w.today),
            "review_end": iso(w.today + timedelta(days=2)),
            "reviewers": [w.reviewer.pk],
            "external_reviewers": "Pirkko Arvioija",
        },
        watch=lambda w: [w.review],
    ),
    Case(
        fidelity_forms.RatingForm,
        "reviewer",
        lambda w: reverse("fidelity:rating_save", args=[w.review.uuid, w.rating.item.code]),
        lambda w: fidelity_forms.RatingForm(rating=w.rating),
        lambda w: {"score": "4", "evidence": "Arviointi", "override_reason": "Havainnot", "version": w.rating.version},
        htmx=True,
        bound=lambda context: context["row"]["form"],
        watch=lambda w: [w.rating],
    ),
    Case(
        fidelity_forms.VersionForm,
        "reviewer",
        lambda w: reverse("fidelity:rating_accept", args=[w.review.uuid, w.rating.item.code]),
        lambda w: fidelity_forms.VersionForm(),
        lambda w: {"version": w.rating.version},
        watch=lambda w: [w.rating],
        # A stale version shows the item again with the other person's save explained.
        bound=lambda context: bound_rating_form(context),
        accepts=lambda w, data: is_current_version(data, w.rating.version),
    ),
    Case(
        fidelity_forms.ComponentTicksForm,
        "reviewer",
        lambda w: reverse("fidelity:rating_components", args=[w.review.uuid, "O2"]),
        lambda w: fidelity_forms.ComponentTicksForm(
            components=list(ScaleComponent.objects.filter(item__scale=w.review.scale, item__code="O2")),
            version=_o2(w).version,
        ),
        lambda w: {"version": _o2(w).version, "seen_1": "on", "source_1": "INT", "note_1": "Viikkopalaveri"},
        # A stale version is answered with a redirect and a message and changes nothing (tests/fidelity).
        watch=lambda w: [_o2(w)],
    ),
    Case(
        fidelity_forms.ReviewTextsForm,
        "reviewer",
        lambda w: reverse("fidelity:review_texts", args=[w.review.uuid]),
        lambda w: fidelity_forms.ReviewTextsForm(),
        lambda w: {"strengths": "Vahva tiimi", "summary": "Hyvä", "version": w.review.version},
        bound=lambda context: context["texts_form"],
        watch=lambda w: [w.review],
    ),
    Case(
        fidelity_forms.ActionPlanItemForm,
        "reviewer",
        lambda w: reverse("fidelity:plan_item_create", args=[w.review.uuid]),
        lambda w: fidelity_forms.ActionPlanItemForm(review=w.review),
        lambda w: {"text": "Lisää työnantajakäyntejä", "owner_name": "Tiimi", "status": "open"},
    ),
    page_case(
        report_forms.ReportForm,
        "org_admin",
        "reports:dashboard",
        lambda w: {"scope": choices_for(w.org_admin)[0].value, "start": "2025-01-01", "end": "2025-12-31"},
        build=lambda w: report_forms.ReportForm({}, choices=choices_for(w.org_admin)),
        method="get",
        allowed_statuses=(404,),
    ),
    page_case(
        report_forms.PeriodForm,
        "supervisor_a",
        "reports:team",
        lambda w: {"start": "2025-01-01", "end": "2025-03-31"},
        build=lambda w: report_forms.PeriodForm({}, default=quarter_of(timezone.localdate())),
        method="get",
    ),
    page_case(
        report_forms.WorkbookForm,
        "org_admin",
        "reports:export_start",
        lambda w: {"scope": choices_for(w.org_admin)[0].value, "start": "2025-01-01", "end": "2025-12-31"},
        build=lambda w: report_forms.WorkbookForm({}, choices=choices_for(w.org_admin), user=w.org_admin),
        allowed_statuses=(400, 404),
    ),
    Case(
        TrainingFilterForm,
        "coach_a",
        lambda w: w.training_home.url,
        lambda w: TrainingFilterForm(),
        lambda w: {"q": "työ"},
        method="get",
        bound=lambda context: context["filter_form"],
    ),
    Case(
        ImportMappingForm,
        "supervisor_a",
        lambda w: reverse("employers:import_map", args=[w.import_run.uuid]),
        lambda w: ImportMappingForm(run=w.import_run),
        lambda w: {
            "col_name": "Nimi",
            "col_business_id": "Y-tunnus",
            "col_status": "Suhde",
            "val_status_0": "in_contact",
        },
        watch=lambda w: [w.import_run],
    ),
] + ADMIN_CASES
CASES += TEAM_CASES  # the work-ability support team around the client (issue 15)
CASES += HANDOVER_CASES  # accompanied hand-over to another service (issue 15, item 6)


def _o2(w):
    """The review's O2 rating: an item scored from ticks."""
    return w.review.ratings.select_related("item").get(item__code="O2")
