"""Ticking the components of a component item (O2, O5, O7, O8, V2, V14): its own page, a plain form."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from fidelity import services
from fidelity.components import Tick, rating_ticks_save
from fidelity.forms import ComponentTicksForm
from fidelity.models import ScaleComponent
from fidelity.views.common import locked_response, log_clients_in_figures, review_edit_page


def _data_ticks(rating) -> dict[str, object]:
    """Initial values pre-ticking the components the team's data shows, when nothing is ticked yet: the
    `data_components` an indicator lists by the item's component rows (O7, V7, V11, V14; fidelity.rules)."""
    detail = rating.measured_detail or {}
    initial = {}
    for number, label, value in detail.get("data_components", []):
        initial[f"seen_{number}"] = True
        initial[f"source_{number}"] = "MIS"
        initial[f"note_{number}"] = _("From Polku's data: %(label)s %(value)s.") % {"label": _(label), "value": value}
    return initial


@review_edit_page
def rating_components(request, review, code):
    """The reviewer ticks what was seen, with source and note; the score follows from the anchors' rows."""
    rating = get_object_or_404(review.ratings.select_related("item"), item__code=code)
    components = list(ScaleComponent.objects.filter(item_id=rating.item_id).order_by("number"))
    if not components:
        raise Http404
    ticks = list(rating.ticks.select_related("component"))
    form = ComponentTicksForm(
        request.POST if request.method == "POST" else None,
        components=components,
        ticks=ticks,
        version=rating.version,
    )
    if not ticks and request.method != "POST":
        form.initial.update(_data_ticks(rating))
    if request.method == "POST" and form.is_valid():
        chosen = [Tick(number, source, note) for number, source, note in form.ticked()]
        try:
            rating = rating_ticks_save(
                rating=rating, based_on_version=form.cleaned_data["version"], by=request.user, ticks=chosen
            )
        except services.ReviewLocked:
            return locked_response(request, review)
        except services.StaleEdit:
            messages.error(request, _("Someone saved this item while you were ticking; check it and tick again."))
            return redirect("fidelity:rating_components", uuid=review.uuid, code=code)
        messages.success(
            request,
            _("%(code)s: %(count)s components seen, score %(score)s.")
            % {"code": code, "count": len(chosen), "score": rating.suggested_score},
        )
        return redirect(reverse("fidelity:review_detail", kwargs={"uuid": review.uuid}) + f"#item-{code}")
    log_clients_in_figures(request, review, [rating])
    return render(request, "fidelity/rating_components.html", {"review": review, "rating": rating, "form": form})
