"""What a review produces: the printable report and the Excel workbook."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from fidelity.models import EVIDENCE_SOURCES, totals_from_ratings
from fidelity.views.common import get_review, log_clients_in_figures
from fidelity.views.reviews import _ratings, _sections
from ips import xlsx
from ips.pages import in_reader_language


def _plan_items(review):
    return review.plan_items.select_related("owner_user", "training_page").prefetch_related("items")


def _page_titles(plans) -> dict:
    """The title of each plan's training page in the reader's language (else Finnish), by translation key: one query.
    The pages show through content's fragment; a workbook has no fragments."""
    keys = {plan.training_page.translation_key for plan in plans if plan.training_page}
    if not keys:
        return {}
    pages = in_reader_language(Page.objects.live().filter(translation_key__in=keys))
    return dict(pages.values_list("translation_key", "title"))


def _page_title(plan, titles) -> str:
    page = plan.training_page
    return titles.get(page.translation_key, page.title) if page else ""


@login_required
def review_report(request, uuid):
    """Strengths first, then each item with score, evidence and recommendation, then the action plan."""
    review = get_review(request, uuid)
    ratings = _ratings(review)
    context = {
        "review": review,
        "sections": _sections(ratings),
        "totals": totals_from_ratings(ratings, review.scale.bands.all()),
        "reviewers": list(review.reviewers.all()),
        "plan_items": _plan_items(review),
    }
    return render(request, "fidelity/review_report.html", context)


@login_required
def review_xlsx(request, uuid):
    review = get_review(request, uuid)
    ratings = _ratings(review)
    totals = totals_from_ratings(ratings, review.scale.bands.all())
    source_names = dict(EVIDENCE_SOURCES)
    workbook = xlsx.new_workbook()
    summary = [
        (_("Team"), review.team.name),
        (_("Organisation"), review.team.organisation.name),
        (_("Scale"), f"{review.scale.name} ({review.scale.version})"),
        (_("Data period starts"), review.period_start),
        (_("Data period ends"), review.period_end),
        (_("Review starts"), review.review_start),
        (_("Review ends"), review.review_end),
        (_("Reviewers"), ", ".join(str(user) for user in review.reviewers.all())),
        (_("External reviewers"), review.external_reviewers),
        (_("Status"), review.get_status_display()),
        (_("Items scored"), totals.scored),
        (_("Total"), totals.total),
        (_("Item mean"), totals.mean),
        (_("Band"), totals.band.name if totals.band else ""),
        (_("Strengths"), review.strengths),
        (_("Summary"), review.summary),
    ]
    xlsx.add_sheet(workbook, _("Review"), [xlsx.Column(_("Field"), 24), xlsx.Column(_("Value"), 60)], summary)
    xlsx.add_sheet(
        workbook,
        _("Items"),
        [
            xlsx.Column(_("Section"), 14),
            xlsx.Column(_("Code"), 8),
            xlsx.Column(_("Item"), 40),
            xlsx.Column(_("Score"), 8, "0"),
            xlsx.Column(_("Suggested score"), 10, "0"),
            xlsx.Column(_("Measured value"), 12, "0.00"),
            xlsx.Column(_("Source of the score"), 24),
            xlsx.Column(_("Reason for overriding the suggestion"), 30),
            xlsx.Column(_("Evidence sources used"), 20),
            xlsx.Column(_("Evidence"), 50),
            xlsx.Column(_("Recommendation"), 50),
        ],
        (
            (
                rating.item.section.name,
                rating.item.code,
                rating.item.name,
                rating.score,
                rating.suggested_score,
                rating.measured_value,
                rating.get_source_display(),
                rating.override_reason,
                ", ".join(str(source_names.get(code, code)) for code in rating.sources),
                rating.evidence,
                rating.recommendation,
            )
            for rating in ratings
        ),
    )
    plans = list(_plan_items(review))
    titles = _page_titles(plans)
    xlsx.add_sheet(
        workbook,
        _("Action plan"),
        [
            xlsx.Column(_("Action"), 50),
            xlsx.Column(_("Owner"), 24),
            xlsx.Column(_("Due date"), 12),
            xlsx.Column(_("Status"), 14),
            xlsx.Column(_("Scale items"), 16),
            xlsx.Column(_("Training page"), 30),
        ],
        (
            (
                plan.text,
                plan.owner,
                plan.due_date,
                plan.get_status_display(),
                ", ".join(item.code for item in plan.items.all()),
                _page_title(plan, titles),
            )
            for plan in plans
        ),
    )
    filename = f"fidelity-{slugify(review.team.name)}-{review.period_end:%Y-%m-%d}.xlsx"
    return xlsx.response(workbook, filename)


@login_required
def rating_rows_xlsx(request, uuid, code):
    """Every row behind one item's figures (pseudonym codes only), as Excel: the page shows the first 50."""
    review = get_review(request, uuid)
    rating = get_object_or_404(review.ratings.select_related("item"), item__code=code)
    detail = rating.measured_detail or {}
    if not detail.get("columns"):
        raise Http404
    log_clients_in_figures(request, review, [rating])
    translated = set(detail.get("translated", []))
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(
        workbook,
        _("Figures"),
        [xlsx.Column(_("Figure"), 50), xlsx.Column(_("Value"), 16)],
        [(_(label), value) for label, value in detail.get("figures", [])],
    )
    xlsx.add_sheet(
        workbook,
        _("Rows"),
        [xlsx.Column(_(column), 24) for column in detail["columns"]],
        (
            [_(cell) if index in translated and isinstance(cell, str) else cell for index, cell in enumerate(row)]
            for row in detail.get("rows", [])
        ),
    )
    filename = f"fidelity-{code}-{slugify(review.team.name)}-{review.period_end:%Y-%m-%d}.xlsx"
    return xlsx.response(workbook, filename)
