"""The URLs that write, as the trust walks drive them: who sends what where, and which rows a save adds or changes.

Valid payloads come from the hostile-input cases (one per form, in tests/test_hostile_input.py), looked up by form
class, so a form's accepted values are written down once. ROUTES classifies every routed URL: a URL that writes
is walked (CREATES, EDITS) or says here why it needs neither mechanism; a new URL fails tests/trust until it does.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from employers import forms as employer_forms
from employers.models import ContactPerson, Employer, EmployerContact, FollowUp, Job
from fidelity import forms as fidelity_forms
from fidelity.models import ActionPlanItem, Review
from ips.forms import admin as admin_forms
from ips.forms import clients as client_forms
from ips.forms import team as team_forms
from ips.forms.accessibility import AccessibilityFeedbackForm
from ips.forms.entries import TimeEntryForm
from ips.forms.handover import HandOverForm
from ips.forms.week_grid import WeekGridForm
from ips.models import (
    AccessibilityFeedback,
    Client,
    ClientTreatmentTeam,
    Consent,
    Coordinator,
    Destination,
    Goal,
    HandOver,
    KykyviisariScore,
    Membership,
    NetworkMeeting,
    Organisation,
    PlanAction,
    Profession,
    Referral,
    SatisfactionAnswer,
    ServicePeriod,
    StageChange,
    SupportPlan,
    Team,
    TimeEntry,
    TreatmentTeam,
    TreatmentTeamMembership,
    User,
    VocationalProfile,
)
from reports import forms as report_forms
from reports.models import Export
from tests.employers.factories import EmployerContactFactory
from tests.factories import ConsentFactory, TimeEntryFactory
from tests.hostile_input.admin_cases import coach_role, own_profession, treatment_team
from tests.hostile_input.cases import CASES as HOSTILE_CASES
from tests.hostile_input.world import World as HostileWorld
from tests.hostile_input.world import on_client


def valid_payload(form_class) -> Callable:
    """The values the hostile-input case of this form starts from (they pass the form)."""
    return next(case.valid for case in HOSTILE_CASES if case.form is form_class)


class World(HostileWorld):
    """The hostile-input world, plus one existing row of each kind an edit form changes."""

    @cached_property
    def consent(self):
        return ConsentFactory(client=self.client, given_on=self.today - timedelta(days=20), scope="Kela")

    @cached_property
    def hand_over(self):
        return HandOver.objects.create(
            client=self.client,
            team=self.client.team,
            destination=Destination.objects.get(code=Destination.Code.EDUCATION),
            receiver_organisation="Aikuisopisto",
            first_meeting_on=self.today - timedelta(days=3),
            attended=HandOver.Attended.COACH,
            recorded_by=self.coach_a,
        )

    @cached_property
    def goal(self):
        return Goal.objects.create(client=self.client, text="Työkokeilu", set_on=self.today - timedelta(days=20))

    @cached_property
    def plan(self):
        return SupportPlan.objects.create(client=self.client, agreed_on=self.today - timedelta(days=20))

    @cached_property
    def plan_action(self):
        goal = Goal.objects.create(client=self.client, text="Työkokeilu", set_on=self.today - timedelta(days=20))
        return PlanAction.objects.create(client=self.client, goal=goal, text="Soitto Kelaan", responsible_name="Kela")

    @cached_property
    def profile(self):
        return VocationalProfile.objects.create(client=self.client, preferences="Ulkotyö")

    @cached_property
    def entry(self):
        return TimeEntryFactory(coach=self.coach_a, team=self.team_a, client=self.client, minutes=20)

    @cached_property
    def contact_person(self):
        return self.employer.contact_persons.first()

    @cached_property
    def contact(self):
        return EmployerContactFactory(coach=self.coach_a, team=self.team_a, employer=self.employer)

    @cached_property
    def plan_item(self):
        return ActionPlanItem.objects.create(review=self.review, text="Kouluta tiimi", owner_name="Tiimi")


@dataclass(frozen=True)
class Walk:
    """One URL that writes, driven as a browser would: load the page the form is on, then POST."""

    key: str  # the route's name, as in docs/permissions.md
    user: str
    url: Callable[[World], str]
    valid: Callable[[World], dict]  # values the form accepts (unprefixed)
    page: Callable[[World], str] | None = None  # where the form is shown, when not at `url`
    prefix: str = ""
    htmx: bool = False
    fixed: dict = field(default_factory=dict)  # sent as they are (a button's name and value)
    # For double submits: the rows one save adds (their count must grow by exactly one kind of row, once).
    adds: type | None = None
    # For lost updates: the row the form edits, and a second person's different values for some of its fields.
    row: Callable[[World], object] | None = None
    change: dict = field(default_factory=dict)

    @property
    def id(self):
        return self.key

    def page_url(self, world):
        return (self.page or self.url)(world)

    def name(self, field_name: str) -> str:
        return f"{self.prefix}-{field_name}" if self.prefix else field_name

    def prefixed(self, data: dict) -> dict:
        return {self.name(key): value for key, value in data.items()}

    def form_data(self, world, html: bytes, *names: str) -> dict[str, list[str]]:
        """The walk's form on the page: the one with its first field and the given (hidden) fields."""
        return form_data(html, self.name(next(iter(self.valid(world)))), *(self.name(n) for n in names))


def _entry_payload(w):
    return {**valid_payload(TimeEntryForm)(w), "minutes": "25"}


def _workbook(w):
    return valid_payload(report_forms.WorkbookForm)(w)


def _contact_payload(w):
    return valid_payload(employer_forms.EmployerContactForm)(w)


def client_walk(key: str, form_class, **options) -> Walk:
    """coach_a's save of a form on the named page of the world's client, with the form's hostile-input values."""
    return Walk(key, "coach_a", on_client(key), valid_payload(form_class), **options)


def page_walk(key: str, user: str, form_class, **options) -> Walk:
    """The user's save of a form at the named URL (one without arguments), with the form's hostile-input values."""
    return Walk(key, user, lambda w: reverse(key), valid_payload(form_class), **options)


def edit_walk(key: str, user: str, row: str, valid: Callable, *, change: dict) -> Walk:
    """The user's edit of the world's `row` (an attribute) at the named URL that takes the row's uuid."""
    return Walk(
        key,
        user,
        lambda w: reverse(key, args=[getattr(w, row).uuid]),
        valid,
        row=lambda w: getattr(w, row),
        change=change,
    )


CREATES = [
    page_walk("ips:accessibility", "coach_a", AccessibilityFeedbackForm, adds=AccessibilityFeedback),
    page_walk("ips:referral_create", "coach_a", client_forms.ReferralForm, adds=Referral),
    Walk("ips:referral_decide", "coach_a", lambda w: reverse("ips:referral_decide", args=[w.referral.uuid]),
         valid_payload(client_forms.ReferralAcceptForm), fixed={"decision": "accept"}, adds=Client),
    client_walk("ips:client_stage", client_forms.StageChangeForm, adds=StageChange),
    client_walk("ips:client_close", client_forms.ClosureForm, adds=StageChange),
    client_walk("ips:consent_add", client_forms.ConsentForm, adds=Consent),
    client_walk("ips:goal_add", client_forms.GoalForm, adds=Goal),
    client_walk("ips:score_add", client_forms.KykyviisariForm, adds=KykyviisariScore),
    client_walk("ips:satisfaction_add", client_forms.SatisfactionForm, adds=SatisfactionAnswer,
                page=on_client("ips:client_detail")),
    client_walk("ips:profile_edit", client_forms.VocationalProfileForm, adds=VocationalProfile),
    client_walk("ips:coordinator_edit", team_forms.CoordinatorForm, adds=Coordinator),
    client_walk("ips:network_meeting_add", team_forms.NetworkMeetingForm, adds=NetworkMeeting),
    client_walk("ips:service_edit", team_forms.ServiceChangeForm, adds=ServicePeriod),
    client_walk("ips:hand_over_add", HandOverForm, adds=HandOver),
    client_walk("ips:plan_action_add", team_forms.PlanActionForm, adds=PlanAction),
    Walk("ips:entry_create", "coach_a", lambda w: reverse("ips:entry_create"), _entry_payload,
         page=lambda w: reverse("ips:today"), htmx=True, adds=TimeEntry),
    # Its lost updates are a week's cells, not one row's fields: tests/ips/test_week_grid.py refuses a stale save.
    page_walk("ips:week_grid", "coach_a", WeekGridForm, adds=TimeEntry),
    page_walk("employers:employer_create", "coach_a", employer_forms.EmployerForm, adds=Employer),
    Walk("employers:contact_person_create", "coach_a",
         lambda w: reverse("employers:contact_person_create", args=[w.employer.uuid]),
         valid_payload(employer_forms.ContactPersonForm), adds=ContactPerson),
    Walk("employers:employer_contact_create", "coach_a",
         lambda w: reverse("employers:employer_contact_create", args=[w.employer.uuid]),
         _contact_payload, adds=EmployerContact),
    Walk("employers:contact_create", "coach_a", lambda w: reverse("employers:contact_create"),
         lambda w: {**_contact_payload(w), "employer": w.employer.pk, "contact_person": None}, adds=EmployerContact),
    page_walk("employers:today_panel", "coach_a", employer_forms.QuickContactForm, prefix="employer-contact", htmx=True,
              adds=EmployerContact),
    client_walk("employers:job_start", employer_forms.JobStartForm, adds=Job),
    Walk("employers:job_end", "coach_a", lambda w: reverse("employers:job_end", args=[w.job.uuid]),
         valid_payload(employer_forms.JobEndForm), adds=FollowUp),
    page_walk("fidelity:review_create", "supervisor_a", fidelity_forms.ReviewCreateForm, adds=Review),
    Walk("fidelity:plan_item_create", "reviewer",
         lambda w: reverse("fidelity:plan_item_create", args=[w.review.uuid]),
         valid_payload(fidelity_forms.ActionPlanItemForm), adds=ActionPlanItem),
    page_walk("ips:person_create", "org_admin", admin_forms.PersonForm, adds=User),
    Walk("ips:role_give", "org_admin", lambda w: reverse("ips:role_give", args=[w.coach_a.pk]),
         valid_payload(admin_forms.RoleForm), adds=Membership),
    Walk("ips:fte_change", "org_admin", lambda w: reverse("ips:fte_change", args=[coach_role(w).pk]),
         valid_payload(admin_forms.FteChangeForm), adds=Membership),
    page_walk("ips:team_create", "org_admin", admin_forms.TeamForm, adds=Team),
    page_walk("ips:organisation_create", "platform_admin", admin_forms.OrganisationForm, adds=Organisation),
    page_walk("ips:profession_create", "org_admin", admin_forms.ProfessionForm, adds=Profession),
    page_walk("ips:treatment_team_create", "org_admin", admin_forms.TreatmentTeamForm, adds=TreatmentTeam),
    Walk("ips:treatment_member_add", "org_admin",
         lambda w: reverse("ips:treatment_member_add", args=[treatment_team(w).pk]),
         valid_payload(admin_forms.TreatmentMemberForm), adds=TreatmentTeamMembership),
    Walk("ips:client_treatment_team", "org_admin",
         lambda w: reverse("ips:client_treatment_team") + f"?code={w.client.code}",
         valid_payload(admin_forms.ClientTreatmentTeamForm), adds=ClientTreatmentTeam),
    Walk("reports:export_start", "org_admin", lambda w: reverse("reports:export_start"),
         _workbook, adds=Export,
         page=lambda w: reverse("reports:dashboard") + "?scope=" + _workbook(w)["scope"]),
]  # fmt: skip

EDITS = [
    client_walk("ips:client_edit", client_forms.ClientForm, row=lambda w: w.client, change={"last_name": "Toinen"}),
    client_walk("ips:client_close", client_forms.ClosureForm, row=lambda w: w.client, change={"satisfaction": "5"}),
    edit_walk("ips:client_followup", "coach_a", "closed_client", valid_payload(client_forms.FollowUpForm),
              change={"followup_result": "not_reached"}),
    Walk("ips:consent_edit", "coach_a", lambda w: reverse("ips:consent_edit", args=[w.client.uuid, w.consent.uuid]),
         valid_payload(client_forms.ConsentForm), row=lambda w: w.consent, change={"scope": "TE-palvelut"}),
    Walk("ips:goal_edit", "coach_a", lambda w: reverse("ips:goal_edit", args=[w.client.uuid, w.goal.uuid]),
         valid_payload(client_forms.GoalForm), row=lambda w: w.goal, change={"text": "Oppisopimus"}),
    client_walk("ips:profile_edit", client_forms.VocationalProfileForm, row=lambda w: w.profile,
                change={"strengths": "Sinnikäs"}),
    client_walk("ips:plan_edit", team_forms.SupportPlanForm, row=lambda w: w.plan,
                change={"next_review_on": (timezone.localdate() + timedelta(days=30)).isoformat()}),
    Walk("ips:plan_action_edit", "coach_a",
         lambda w: reverse("ips:plan_action_edit", args=[w.client.uuid, w.plan_action.uuid]),
         lambda w: {**valid_payload(team_forms.PlanActionForm)(w), "goal": w.plan_action.goal_id},
         row=lambda w: w.plan_action, change={"follow_up": "Soitettu"}),
    Walk("ips:hand_over_edit", "coach_a",
         lambda w: reverse("ips:hand_over_edit", args=[w.client.uuid, w.hand_over.uuid]),
         valid_payload(HandOverForm), row=lambda w: w.hand_over, change={"receiver_name": "Toinen Vastaanottaja"}),
    edit_walk("ips:entry_edit", "coach_a", "entry", valid_payload(TimeEntryForm), change={"note": "Toinen välilehti"}),
    edit_walk("employers:employer_edit", "coach_a", "employer", valid_payload(employer_forms.EmployerForm),
              change={"address": "Kauppatie 1"}),
    edit_walk("employers:contact_person_edit", "coach_a", "contact_person",
              valid_payload(employer_forms.ContactPersonForm), change={"role": "Toimitusjohtaja"}),
    edit_walk("employers:employer_contact_edit", "coach_a", "contact", _contact_payload, change={"minutes": "15"}),
    edit_walk("employers:job_end", "coach_a", "job", valid_payload(employer_forms.JobEndForm),
              change={"end_reason": "laid_off"}),
    edit_walk("fidelity:review_settings", "supervisor_a", "review", valid_payload(fidelity_forms.ReviewSettingsForm),
              change={"external_reviewers": "Toinen arvioija"}),
    Walk("ips:person_edit", "org_admin", lambda w: reverse("ips:person_edit", args=[w.coach_a.pk]),
         lambda w: {k: v for k, v in valid_payload(admin_forms.PersonForm)(w).items() if k != "organisation"},
         row=lambda w: w.coach_a, change={"profession": "Toimintaterapeutti"}),
    Walk("ips:profession_edit", "org_admin", lambda w: reverse("ips:profession_edit", args=[own_profession(w).pk]),
         lambda w: {"name_fi": "Kokemusasiantuntija (uusi)", "name_sv": "Erfarenhetsexpert",
                    "name_en": "Expert by experience", "order": "100", "active": "on"},
         row=own_profession, change={"name_fi": "Kokemusasiantuntija (vertainen)"}),
    Walk("ips:team_edit", "org_admin", lambda w: reverse("ips:team_edit", args=[w.team_a.uuid]),
         lambda w: {"name": "Tiimi Alfa"}, row=lambda w: w.team_a, change={"name": "Tiimi Aalto"}),
    Walk("fidelity:plan_item_edit", "reviewer",
         lambda w: reverse("fidelity:plan_item_edit", args=[w.review.uuid, w.plan_item.uuid]),
         valid_payload(fidelity_forms.ActionPlanItemForm), row=lambda w: w.plan_item,
         change={"text": "Toinen toimenpide"}),
]  # fmt: skip

# Every other routed URL, and why it needs neither walk. A URL in CREATES or EDITS needs no line here.
NEITHER = {
    "ips:health": "read only",
    "ips:home": "read only",
    "ips:language_set": "a preference: sending it twice sets the same language",
    "ips:org_overview": "read only",
    "ips:accessibility_feedback": "read only",
    "ips:client_audit_log": "a search (GET)",
    "ips:people_list": "read only; its filter is a GET",
    "ips:person_detail": "read only; its buttons post to invite, deactivate and reactivate",
    "ips:person_invite": "a button form with a one-time id (a repeat gets the first answer, one mail)",
    "ips:person_deactivate": "a button form with a one-time id; deactivating twice changes nothing more",
    "ips:person_reactivate": "a button form with a one-time id; reactivating twice changes nothing more",
    "ips:role_end": "a plain form with a one-time id; ending again on the same day changes nothing more",
    "ips:team_list": "read only",
    "ips:team_close": "a plain form with a one-time id; a closed team offers no second close",
    "ips:treatment_team_list": "read only",
    "ips:profession_list": "read only",
    "ips:treatment_member_end": "a plain form with a one-time id; ending again on the same day changes nothing more",
    "ips:admin_history": "read only",
    "ips:organisation_list": "read only",
    "ips:today": "read only; its quick add posts to ips:entry_create",
    "ips:entry_delete": "a button form with a one-time id (a repeat gets the first answer, not a 404)",
    "ips:week": "read only",
    "ips:agenda": "read only",
    "ips:agenda_feed": "read only (a calendar app's GET)",
    "ips:reminders": "the user's own preferences (a TrustedModelForm: a repeat is answered once); no create walk",
    "ips:caseload": "read only; its filter is a GET",
    "ips:client_search": "read only: the client picker's search (a GET)",
    "ips:caseload_export": "a download",
    "ips:client_detail": "read only; its add forms post to the create URLs",
    "ips:client_export": "a download",
    "ips:my_coordinated": "read only",
    "ips:plan_detail": "read only; its forms post to plan_edit, goal_add and plan_action_add",
    "ips:plan_print": "read only",
    "ips:referral_list": "read only",
    "employers:employer_list": "read only; its filter is a GET",
    "employers:employer_detail": "read only",
    "employers:contact_person_remove": "a button form with a one-time id",
    "employers:employer_contact_delete": "a button form with a one-time id",
    "employers:client_jobs": "read only (its follow-up button posts to follow_up_done)",
    "employers:follow_up_done": "a button form with a one-time id; marking done twice changes nothing more",
    "employers:team_contacts_week": "read only",
    "fidelity:review_list": "read only",
    "fidelity:review_detail": "read only; its forms post to the rating, texts and plan URLs",
    "fidelity:rating_save": "versioned: fidelity.services refuses a stale `version` (tests/fidelity)",
    "fidelity:rating_accept": "versioned: fidelity.services refuses a stale `version` (tests/fidelity)",
    "fidelity:review_texts": "versioned: fidelity.services refuses a stale `version` (tests/fidelity)",
    "fidelity:rating_components": "versioned (a stale `version` is refused, tests/fidelity/test_components.py) and a "
    "one-time id; ticking the same components twice gives the same ticks and score",
    "fidelity:rating_rows_xlsx": "a download",
    "fidelity:reviews_due": "read only (a fragment)",
    "fidelity:review_refresh": "a button form with a one-time id; recomputing twice gives the same figures",
    "fidelity:review_accept_all": "a button form with a one-time id; a second run finds nothing left to accept",
    "fidelity:plan_item_delete": "a button form with a one-time id",
    "fidelity:review_finalise": "a button form with a one-time id; a finalised review refuses a second finalise",
    "fidelity:review_copy": "a button form with a one-time id (tests/trust/test_double_submit.py copies once)",
    "fidelity:review_report": "read only",
    "fidelity:review_xlsx": "a download",
    "fidelity:team_history": "read only",
    "fidelity:item_detail": "read only",
    "reports:dashboard": "a report (GET)",
    "reports:export": "read only (polled)",
    "reports:export_download": "a download",
    "reports:participant_list": "a download (GET)",
    "reports:team": "a report (GET)",
    "reports:hand_overs": "a report (GET)",
    "ips:client_hand_overs": "read only (the client's hand-overs, a page or the client page's fragment)",
    "employers:import_list": "an upload makes a draft run that writes no data; a repeat upload makes a second draft "
    "(tests/employers/test_imports.py); the form carries a one-time id",
    "employers:import_template": "a download",
    "employers:import_detail": "read only (polled)",
    "employers:import_map": "a mapping with a one-time id; checking twice gives the same preview and writes no data",
    "employers:import_commit": "a button form with a one-time id; a committed run refuses a second commit, and a "
    "re-import updates or skips its rows, never duplicates",
    "employers:import_cancel": "a button form with a one-time id; a cancelled run stays cancelled",
    "employers:import_undo": "a button form with a one-time id; an undone run refuses a second undo",
    "employers:import_errors": "a download",
    "content:home": "a redirect",
    "content:mark_read": "marks once by design: an existing mark is kept (content.views.mark_read)",
    "content:team_progress": "read only",
    "content:pages_for_item": "read only (a fragment)",
    "content:page_link": "read only (a fragment)",
    "content:image_serve": "an image",
    "/learning/images/<str:signature>/<int:image_id>/<str:filter_spec>/<str:filename>": "an image",
}


def page_form(html: bytes, *names: str):
    """The page's form that holds fields of all these names."""
    soup = BeautifulSoup(html.decode(), "html.parser")
    form = next((form for form in soup.find_all("form") if all(form.find(attrs={"name": n}) for n in names)), None)
    assert form is not None, f"no form with the fields {names} on the page"
    return form


def form_data(html: bytes, *names: str) -> dict[str, list[str]]:
    """What a browser would send from the page's form that holds these fields, as the page shows it."""
    form = page_form(html, *names)
    data: dict[str, list[str]] = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        values = data.setdefault(name, [])
        if element.name == "textarea":
            values.append(element.text.removeprefix("\n"))
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not element.has_attr("multiple"):
                chosen = options[:1]
            values.extend(option.get("value", option.text) for option in chosen)
        elif element.get("type") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                values.append(element.get("value", "on"))
        elif element.get("type") not in {"submit", "button"}:
            values.append(element.get("value", ""))
    return data


def merged(page: dict, walk: Walk, values: dict) -> dict:
    """The page's form with the walk's values typed in (None clears a field, a list is a repeated field)."""
    data = dict(page)
    for key, value in walk.prefixed(values).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return {**data, **walk.fixed}


def send(browser, walk, world, data):
    """POST as the page's form does (htmx-boosted forms with the htmx header)."""
    headers = {"HTTP_HX_REQUEST": "true"} if walk.htmx else {}
    return browser.post(walk.url(world), data, **headers)
