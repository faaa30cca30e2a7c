"""Refreshing a review's suggestions from the team's data in Polku."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext

from fidelity import indicators, services
from fidelity.views.common import locked_response, review_write


@review_write
def review_refresh(request, review):
    """POST by an assigned reviewer on a draft: recompute every indicator for the team and the data period."""
    try:
        count = indicators.refresh_review(review)
    except services.ReviewLocked:
        return locked_response(request, review)
    messages.success(
        request,
        ngettext(
            "Figures from data were refreshed for %(count)s item.",
            "Figures from data were refreshed for %(count)s items.",
            count,
        )
        % {"count": count},
    )
    return redirect(reverse("fidelity:review_detail", kwargs={"uuid": review.uuid}) + "#indicators")
