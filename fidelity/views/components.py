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
from fidelity.views.common import locked_response, review_edit_page


@review_edit_page
def rating_components(request, review, code):
    """The reviewer ticks what was seen, with source and note; the score follows from the anchors' rows."""
    rating = get_object_or_404(review.ratings.select_related("item"), item__code=code)
    components = list(ScaleComponent.objects.filter(item_id=rating.item_id).order_by("number"))
    if not components:
        raise Http404
    ticks = rating.ticks.select_related("component")
    form = ComponentTicksForm(
        request.POST if request.method == "POST" else None,
        components=components,
        ticks=ticks,
        version=rating.version,
    )
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
    return render(request, "fidelity/rating_components.html", {"review": review, "rating": rating, "form": form})
