"""The action plan of a review: what the team will do, who owns it, by when, for which items."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from fidelity.forms import ActionPlanItemForm
from fidelity.models import ActionPlanItem
from fidelity.views.common import review_edit_page, review_write
from ips.forms import posted_data


def _back(review):
    return redirect(reverse("fidelity:review_detail", kwargs={"uuid": review.uuid}) + "#action-plan")


def _plan_item_page(request, review, plan_item, *, title, saved):
    """Add (a new row) or edit one action of the plan: the form page, or back to the plan with a message."""
    form = ActionPlanItemForm(posted_data(request), instance=plan_item, review=review)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, saved)
        return _back(review)
    return render(request, "fidelity/plan_item_form.html", {"review": review, "form": form, "title": title})


@review_edit_page
def plan_item_create(request, review):
    plan_item = ActionPlanItem(review=review)
    return _plan_item_page(
        request, review, plan_item, title=_("New action"), saved=_("The action was added to the plan.")
    )


@review_edit_page
def plan_item_edit(request, review, item_uuid):
    plan_item = get_object_or_404(review.plan_items, uuid=item_uuid)
    return _plan_item_page(request, review, plan_item, title=_("Edit action"), saved=_("The action was saved."))


@review_write
def plan_item_delete(request, review, item_uuid):
    plan_item = get_object_or_404(review.plan_items, uuid=item_uuid)
    plan_item.delete()
    messages.success(request, _("The action was removed from the plan."))
    return _back(review)
