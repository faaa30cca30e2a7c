"""The review list, setting a review up, and the scoring page with its per-item saves."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fidelity import services
from fidelity.forms import RatingForm, ReviewCreateForm, ReviewSettingsForm, ReviewTextsForm, VersionForm
from fidelity.models import ItemRating, ReviewTeamQuerySet, ScaleComponent, ScaleItem, totals_from_ratings
from fidelity.views.common import (
    get_review,
    locked_response,
    log_clients_in_figures,
    review_edit_page,
    review_queryset,
    review_write,
)
from ips.access import can_edit, manages_team, require_role
from ips.forms import posted_data
from ips.models import Team
from ips.params import query_choice


@login_required
def review_list(request):
    """Reviews the user may see: assigned ones for a reviewer, the team's for a supervisor, all for an org admin."""
    user = request.user
    require_role(user, "reviewer", "supervisor", "org_admin")
    reviews = (
        review_queryset()
        .visible_to(user)
        .with_totals()
        .prefetch_related("scale__bands", "reviewers")
        .order_by("-review_end", "-created")
    )
    roles = user.roles
    return render(
        request,
        "fidelity/review_list.html",
        {"reviews": reviews, "can_create": bool(roles.supervisor_teams or roles.admin_orgs)},
    )


def _creatable_teams(user):
    return ReviewTeamQuerySet(Team).managed_by(user).select_related("organisation")


@login_required
def review_create(request):
    """Supervisors and organisation admins set a review up for their team and assign the reviewers."""
    teams = _creatable_teams(request.user)
    if not teams.exists():
        raise PermissionDenied
    today = timezone.localdate()
    form = ReviewCreateForm(
        posted_data(request),
        teams=teams,
        organisations={team.organisation_id for team in teams},
        initial={
            "period_start": today - timedelta(days=182),
            "period_end": today,
            "review_start": today,
            "review_end": today + timedelta(days=1),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            review = services.review_create(by=request.user, **form.cleaned_data)
        except services.DraftExists as exists:  # set up by someone else since the form checked
            form.draft_exists(exists.draft)
        else:
            messages.success(request, _("The review was created."))
            return redirect("fidelity:review_detail", uuid=review.uuid)
    return render(request, "fidelity/review_form.html", {"form": form, "title": _("New fidelity review")})


@login_required
def review_settings(request, uuid):
    """Dates and reviewers: for whoever set the review up (supervisor, org admin) and its assigned reviewers."""
    review = get_review(request, uuid)
    if not (manages_team(request.user, review.team) or can_edit(request.user, review)):
        raise PermissionDenied
    if review.is_finalised:
        return locked_response(request, review)
    form = ReviewSettingsForm(posted_data(request), instance=review, organisations=[review.team.organisation_id])
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The review settings were saved."))
        return redirect("fidelity:review_detail", uuid=review.uuid)
    return render(request, "fidelity/review_form.html", {"form": form, "review": review, "title": _("Review settings")})


def _ratings(review):
    # has_components: the item is scored from ticks (fidelity.components); a subquery, not another query.
    return list(
        review.ratings.select_related("item", "item__section", "updated_by")
        .annotate(has_components=Exists(ScaleComponent.objects.filter(item=OuterRef("item"))))
        .order_by("item__section__order", "item__order")
    )


def _sections(ratings, forms=None, open_code=None):
    """Ratings grouped by scale section, in scale order, each with its form when the user edits; `open_code` is the
    item shown open (the others are one line each)."""
    sections = []
    for rating in ratings:
        section = rating.item.section
        if not sections or sections[-1]["section"].pk != section.pk:
            sections.append({"section": section, "rows": []})
        form = (forms or {}).get(rating.pk)
        row = {"rating": rating, "item": rating.item, "form": form, "open": rating.item.code == open_code}
        sections[-1]["rows"].append(row)
    return sections


def _acceptable(ratings) -> int:
    """How many suggestions "Accept all" would take (fidelity.services.review_accept_all): no query."""
    return sum(
        1
        for rating in ratings
        if rating.suggested_score is not None
        and rating.source != ItemRating.Source.DATA_ACCEPTED
        and rating.score in (None, rating.suggested_score)
    )


def _detail_context(request, review, *, bound=None, texts_form=None, conflict=None):
    """Everything the scoring page shows, in a fixed number of queries whatever the number of items or plans."""
    assigned = can_edit(request.user, review)
    manager = manages_team(request.user, review.team)
    editable = assigned and not review.is_finalised
    ratings = _ratings(review)
    log_clients_in_figures(request, review, ratings)
    forms = {}
    if editable:
        for rating in ratings:
            forms[rating.pk] = (
                bound if bound is not None and bound.rating.pk == rating.pk else RatingForm(rating=rating)
            )
    plan_items = review.plan_items.select_related("owner_user", "training_page").prefetch_related(
        Prefetch("items", queryset=ScaleItem.objects.only("id", "code"))
    )
    open_code = query_choice(request, "open", [rating.item.code for rating in ratings])
    return {
        "review": review,
        "sections": _sections(ratings, forms, open_code),
        "acceptable": _acceptable(ratings) if editable else 0,
        "totals": totals_from_ratings(ratings, review.scale.bands.all()),
        "reviewers": list(review.reviewers.all()),
        "plan_items": plan_items,
        "can_edit": editable,
        "can_manage": manager,
        "can_copy": review.is_finalised and (assigned or manager),
        "texts_form": texts_form
        or (
            ReviewTextsForm(
                initial={"strengths": review.strengths, "summary": review.summary, "version": review.version}
            )
            if editable
            else None
        ),
        "conflict": conflict,
    }


@login_required
def review_detail(request, uuid):
    review = get_review(request, uuid)
    return render(request, "fidelity/review_detail.html", _detail_context(request, review))


def _rating(review, code):
    return get_object_or_404(review.ratings.select_related("item", "item__section", "updated_by"), item__code=code)


def _stale_form(request, rating, current):
    """The user's input kept, now based on the other person's version: saving again replaces theirs knowingly."""
    data = request.POST.copy()
    data[f"{current.item.code}-version"] = str(current.version)
    form = RatingForm(data, rating=current)
    form.is_valid()
    who = current.updated_by or _("another reviewer")
    form.add_error(
        None,
        _(
            "%(person)s saved this item while you were editing, so your changes were not saved. "
            "Their score is now %(score)s. Check their version below; saving again replaces it with yours."
        )
        % {"person": who, "score": current.score or _("not scored")},
    )
    form.conflict = current
    return form


def _item_url(review, code) -> str:
    """The review page with one item open (its details element), scrolled to it."""
    return reverse("fidelity:review_detail", kwargs={"uuid": review.uuid}) + f"?open={code}#item-{code}"


def _rating_response(request, review, rating, form, *, saved=False):
    if request.htmx:
        log_clients_in_figures(request, review, [rating])
        # The totals and the "Accept all" count go out of band, from the same query.
        ratings = list(review.ratings.only("id", "score", "suggested_score", "source"))
        context = {
            "review": review,
            "row": {"rating": rating, "item": rating.item, "form": form, "open": True},
            "can_edit": True,
            "saved": saved,
            "totals": totals_from_ratings(ratings, review.scale.bands.all()),
            "acceptable": _acceptable(ratings),
            "oob": True,
        }
        return render(request, "fidelity/includes/rating_response.html", context)
    if saved:
        messages.success(request, _("%(code)s saved.") % {"code": rating.item.code})
        return redirect(_item_url(review, rating.item.code))
    return render(request, "fidelity/review_detail.html", _detail_context(request, review, bound=form))


@review_write
def rating_save(request, review, code):
    """Save one item (htmx or a plain form); a stale version is refused with the other person's value shown."""
    rating = _rating(review, code)
    form = RatingForm(request.POST, rating=rating)
    if not form.is_valid():
        return _rating_response(request, review, rating, form)
    data = form.cleaned_data
    try:
        rating = services.rating_save(
            rating=rating,
            based_on_version=data["version"],
            by=request.user,
            score=data["score"],
            evidence=data["evidence"],
            sources=data["sources"],
            recommendation=data["recommendation"],
            override_reason=data["override_reason"],
        )
    except services.StaleEdit as stale:
        return _rating_response(request, review, stale.current, _stale_form(request, rating, stale.current))
    except services.ReviewLocked:
        return locked_response(request, review)
    except ValidationError as error:
        form.add_error("override_reason", error)
        return _rating_response(request, review, rating, form)
    return _rating_response(request, review, rating, RatingForm(rating=rating), saved=True)


@review_write
def rating_accept(request, review, code):
    """Accept the suggestion from data as the score, with one action; over an override, after a confirm page."""
    rating = _rating(review, code)
    version = VersionForm(request.POST)
    if not version.is_valid() or rating.suggested_score is None:
        messages.error(request, _("There is no suggestion from data to accept for %(code)s.") % {"code": code})
        return redirect("fidelity:review_detail", uuid=review.uuid)
    try:
        rating = services.rating_accept_suggestion(
            rating=rating,
            based_on_version=version.cleaned_data["version"],
            by=request.user,
            confirmed=version.cleaned_data["confirm"],
        )
    except services.NeedsConfirmation:
        # A page of its own, not a script dialog: it works the same without JavaScript.
        return render(request, "fidelity/rating_accept_confirm.html", {"review": review, "rating": rating})
    except services.StaleEdit as stale:
        return _rating_response(request, review, stale.current, _stale_form(request, rating, stale.current))
    except services.ReviewLocked:
        return locked_response(request, review)
    return _rating_response(request, review, rating, RatingForm(rating=rating), saved=True)


@review_write
def review_accept_all(request, review):
    """Accept every suggestion from data on the items not scored otherwise; overrides stay, listed by code."""
    try:
        accepted, kept = services.review_accept_all(review=review, by=request.user)
    except services.ReviewLocked:
        return locked_response(request, review)
    messages.success(
        request,
        ngettext("%(count)s suggestion accepted.", "%(count)s suggestions accepted.", accepted) % {"count": accepted},
    )
    if kept:
        messages.info(
            request,
            _("Kept your own scores of %(codes)s: accept their suggestions one by one if you want them.")
            % {"codes": ", ".join(kept)},
        )
    return redirect("fidelity:review_detail", uuid=review.uuid)


@review_write
def review_texts(request, review):
    form = ReviewTextsForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.review_texts_save(
                review=review,
                based_on_version=data["version"],
                by=request.user,
                strengths=data["strengths"],
                summary=data["summary"],
            )
        except services.StaleEdit as stale:
            data = request.POST.copy()
            data["version"] = str(stale.current.version)
            form = ReviewTextsForm(data)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else saved the strengths and summary while you were editing, so your changes were "
                    "not saved. Their version is shown below; saving again replaces it with yours."
                ),
            )
            context = _detail_context(request, review, texts_form=form, conflict=stale.current)
            return render(request, "fidelity/review_detail.html", context)
        except services.ReviewLocked:
            return locked_response(request, review)
        messages.success(request, _("Strengths and summary saved."))
        return redirect(reverse("fidelity:review_detail", kwargs={"uuid": review.uuid}) + "#texts")
    return render(request, "fidelity/review_detail.html", _detail_context(request, review, texts_form=form))


@review_edit_page
def review_finalise(request, review):
    """Confirm, then lock. Only a review with every item scored can be finalised."""
    unscored = list(
        ItemRating.objects.filter(review=review, score__isnull=True).select_related("item").order_by("item__order")
    )
    if request.method == "POST":
        try:
            services.review_finalise(review=review, by=request.user)
        except services.ReviewIncomplete:
            messages.error(request, _("Score every item before finalising."))
        except services.ReviewLocked:
            return locked_response(request, review)
        else:
            messages.success(request, _("The review is finalised and locked."))
            return redirect("fidelity:review_detail", uuid=review.uuid)
    totals = review.totals()
    return render(request, "fidelity/review_finalise.html", {"review": review, "unscored": unscored, "totals": totals})


@login_required
@require_POST
def review_copy(request, uuid):
    """Start a new review from this one: corrections to a finalised review go in a new draft."""
    review = get_review(request, uuid)
    if not (can_edit(request.user, review) or manages_team(request.user, review.team)):
        raise PermissionDenied
    try:
        copy = services.review_copy(review=review, by=request.user)
    except services.DraftExists as exists:
        draft = exists.draft
        message = _("A draft review of %(period)s already covers this data period: corrections go in that draft.")
        messages.info(request, message % {"period": draft.data_period})
        if review_queryset().visible_to(request.user).filter(pk=draft.pk).exists():
            return redirect("fidelity:review_detail", uuid=draft.uuid)
        return redirect("fidelity:review_detail", uuid=review.uuid)
    messages.success(request, _("A new draft review was started from the earlier one."))
    return redirect("fidelity:review_detail", uuid=copy.uuid)
