from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from fidelity.cadence import LONG_MONTHS
from fidelity.models import EVIDENCE_SOURCES, ActionPlanItem, FidelityScale, ItemRating, Review, ScaleItem
from fidelity.services import overlapping_draft, review_check_reviewers
from ips.forms.fields import ModelMultipleChoiceField, dates_in_order, not_in_future, within_calendar
from ips.forms.scoped import OrganisationScopedForm, PeopleChoiceField, PersonChoiceField, ScopedModelChoiceField
from ips.forms.trust import TrustedForm, TrustedModelForm
from ips.models import Membership, Team, User
from ips.pages import in_reader_language
from ips.periods import add_months


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def within_next_review(day):
    """Reviews come every six months or every year (fidelity.cadence): a review date further ahead is a typo."""
    if day is not None and day > add_months(timezone.localdate(), LONG_MONTHS):
        raise forms.ValidationError(
            _("A review date can be at most a year ahead. Check the year."), code="too_far_ahead"
        )
    return day


class ReviewerChoiceField(PeopleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


REVIEW_DATES = ["period_start", "period_end", "review_start", "review_end"]


class ReviewSettingsForm(OrganisationScopedForm, TrustedModelForm):
    """Data period, review dates and who reviews; the team and scale are fixed once a review exists."""

    reviewers = ReviewerChoiceField(
        label=_("Reviewers in Polku"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People with the fidelity reviewer role in the team's organisation."),
    )

    class Meta:
        model = Review
        fields = [*REVIEW_DATES, "reviewers", "external_reviewers"]
        widgets = {name: DateInput() for name in REVIEW_DATES}

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        memberships = Membership.objects.active().filter(role=Membership.Role.REVIEWER, organisation__in=organisations)
        self.fields["reviewers"].queryset = User.objects.filter(pk__in=memberships.values("user"), is_active=True)
        self.limit_to_organisations(organisations)
        for name in REVIEW_DATES:
            self.fields[name].validators.append(within_calendar)

    def review_team(self):
        return self.instance.team

    # After within_calendar: a year like 9999 gets that one message, not two.
    def clean_period_start(self):
        # The review looks at data recorded since the period began: a period that has not begun has none yet.
        return not_in_future(self.cleaned_data["period_start"])

    def clean_review_start(self):
        return within_next_review(self.cleaned_data["review_start"])

    def clean_review_end(self):
        return within_next_review(self.cleaned_data["review_end"])

    def clean(self):
        data = super().clean()
        message = _("The data period cannot end before it starts.")
        dates_in_order(self, data, "period_start", "period_end", message)
        dates_in_order(self, data, "review_start", "review_end", _("The review cannot end before it starts."))
        # The visit comes during or after the data period it scores, and the period is over by its last day:
        # figures per week count every day of the period, so days still to come would lower them.
        message = _("The review cannot start before its data period starts.")
        dates_in_order(self, data, "period_start", "review_start", message)
        message = _("The review cannot end before its data period ends.")
        dates_in_order(self, data, "period_end", "review_end", message)
        self.refuse_second_draft(data)
        team = self.review_team()
        if team is not None and data.get("reviewers"):
            try:
                review_check_reviewers(team=team, reviewers=data["reviewers"])
            except forms.ValidationError as error:
                self.add_error("reviewers", error)
        return data

    def refuse_second_draft(self, data) -> None:
        """One draft per team and stretch of time (fidelity.services.review_create checks it again)."""
        team, start, end = self.review_team(), data.get("period_start"), data.get("period_end")
        if team is None or not start or not end or self.has_error("period_start") or self.has_error("period_end"):
            return
        instance = self.instance if self.instance.pk else None
        draft = overlapping_draft(team=team, period_start=start, period_end=end, exclude=instance)
        if draft is not None:
            self.draft_exists(draft)

    def draft_exists(self, draft: Review) -> None:
        message = _(
            "This team already has a draft review of %(period)s. Carry on with that one, or choose a data "
            "period that does not overlap it."
        )
        self.add_error("period_start", message % {"period": draft.data_period})


class ReviewCreateForm(ReviewSettingsForm):
    team = ScopedModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    scale = forms.ModelChoiceField(label=_("Scale"), queryset=FidelityScale.objects.active())

    class Meta(ReviewSettingsForm.Meta):
        fields = ["team", "scale", *ReviewSettingsForm.Meta.fields]

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.limit_to_organisations(self.organisation_ids)
        self.order_fields(["team", "scale"])
        self.fields["scale"].label_from_instance = lambda scale: f"{scale.name} ({scale.version})"
        if self.fields["scale"].queryset.count() == 1:
            self.fields["scale"].initial = self.fields["scale"].queryset.get()

    def review_team(self):
        return self.cleaned_data.get("team")


class RatingForm(forms.Form):
    """One item of a review; prefixed with the item code so 25 forms live on one page."""

    score = forms.TypedChoiceField(
        label=_("Score"), coerce=int, empty_value=None, required=False, widget=forms.RadioSelect
    )
    evidence = forms.CharField(label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    sources = forms.MultipleChoiceField(
        label=_("Evidence sources used"), choices=EVIDENCE_SOURCES, required=False, widget=forms.CheckboxSelectMultiple
    )
    recommendation = forms.CharField(
        label=_("Recommendation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    override_reason = forms.CharField(
        label=_("Why does your score differ from the suggestion?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, rating: ItemRating, **kwargs):
        kwargs.setdefault("prefix", rating.item.code)
        kwargs.setdefault(
            "initial",
            {
                "score": rating.score,
                "evidence": rating.evidence,
                "sources": rating.sources,
                "recommendation": rating.recommendation,
                "override_reason": rating.override_reason,
                "version": rating.version,
            },
        )
        super().__init__(*args, **kwargs)
        self.rating = rating
        self.fields["score"].choices = [
            *((score, f"{score} – {anchor}") for score, anchor in rating.item.anchors()),
            ("", _("Not scored yet")),
        ]

    def clean(self):
        data = super().clean()
        score, suggested = data.get("score"), self.rating.suggested_score
        if score is not None and suggested is not None and score != suggested and not data.get("override_reason"):
            self.add_error(
                "override_reason",
                _("Say why the score differs from the suggestion from data (%(score)s).") % {"score": suggested},
            )
        return data


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    # Accepting a suggestion over an override: the confirm page posts it (fidelity.services.NeedsConfirmation).
    confirm = forms.BooleanField(widget=forms.HiddenInput, required=False)


class ReviewTextsForm(forms.Form):
    strengths = forms.CharField(label=_("Strengths"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ScaleItemChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name}"


class ActionPlanItemForm(OrganisationScopedForm, TrustedModelForm):
    items = ScaleItemChoiceField(
        label=_("Scale items"), queryset=ScaleItem.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    training_page = forms.ModelChoiceField(
        label=_("Training page"), queryset=Page.objects.none(), required=False, empty_label=_("No training page")
    )

    class Meta:
        model = ActionPlanItem
        fields = ["text", "owner_user", "owner_name", "due_date", "status", "items", "training_page"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_date": DateInput()}
        field_classes = {"owner_user": PersonChoiceField}

    def __init__(self, *args, review: Review, **kwargs):
        super().__init__(*args, **kwargs)
        team = review.team
        people = Membership.objects.active().filter(
            Q(team=team) | Q(organisation=team.organisation_id, team__isnull=True)
        )
        self.fields["owner_user"].queryset = User.objects.filter(pk__in=people.values("user"), is_active=True)
        self.fields["items"].queryset = review.scale.items.order_by("order")
        self.limit_to_organisations([team.organisation_id])
        # Training pages live in Wagtail; the root and the site home are not training material. Each page once, in
        # the reader's language (else Finnish); an action's page chosen in another language shows as the reader's.
        pages = in_reader_language(Page.objects.live().filter(depth__gt=2)).order_by("title")
        self.fields["training_page"].queryset = pages
        chosen = self.instance.training_page_id
        if chosen is not None:
            family = Page.objects.filter(pk=chosen).values("translation_key")
            shown = pages.filter(translation_key__in=family).values_list("pk", flat=True).first()
            self.initial["training_page"] = shown or chosen

    def clean(self):
        data = super().clean()
        if not data.get("owner_user") and not data.get("owner_name", "").strip():
            self.add_error("owner_name", _("Name an owner: a Polku user or a person or role."))
        return data


class ComponentTicksForm(TrustedForm):
    """One checkbox per component of an item, each with its evidence source and a note."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, components, ticks=(), version: int = 0, **kwargs):
        existing = {tick.component.number: tick for tick in ticks}
        initial = {"version": version}
        for component in components:
            tick = existing.get(component.number)
            initial.update(
                {
                    f"seen_{component.number}": tick is not None,
                    f"source_{component.number}": tick.source if tick else "",
                    f"note_{component.number}": tick.note if tick else "",
                }
            )
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.components = list(components)
        for component in self.components:
            number = component.number
            self.fields[f"seen_{number}"] = forms.BooleanField(label=f"{number}. {component.text}", required=False)
            self.fields[f"source_{number}"] = forms.ChoiceField(
                label=_("Evidence source"), choices=[("", "—"), *EVIDENCE_SOURCES], required=False
            )
            self.fields[f"note_{number}"] = forms.CharField(label=_("Note"), max_length=500, required=False)

    def rows(self):
        """(component, seen field, source field, note field) for the template."""
        return [
            (c, self[f"seen_{c.number}"], self[f"source_{c.number}"], self[f"note_{c.number}"]) for c in self.components
        ]

    def clean(self):
        data = super().clean()
        for component in self.components:
            number = component.number
            if data.get(f"seen_{number}") and not data.get(f"source_{number}"):
                self.add_error(f"source_{number}", _("Say where the evidence for a ticked component comes from."))
        return data

    def ticked(self):
        return [
            (number, self.cleaned_data[f"source_{number}"], self.cleaned_data[f"note_{number}"].strip())
            for number in (c.number for c in self.components)
            if self.cleaned_data.get(f"seen_{number}")
        ]
