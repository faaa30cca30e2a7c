"""Hostile-input case of the accompanied hand-over form (issue 15, item 6)."""

from django.urls import reverse

from ips.forms.handover import HandOverForm
from ips.models import Destination
from tests.hostile_input.world import Case, iso


def destination(code=Destination.Code.VOCATIONAL_REHABILITATION):
    return Destination.objects.get(code=code).pk


HANDOVER_CASES = [
    Case(
        HandOverForm,
        "coach_a",
        lambda w: reverse("ips:hand_over_add", args=[w.client.uuid]),
        lambda w: HandOverForm(client=w.client, user=w.coach_a),
        lambda w: {
            "destination": destination(),
            "receiver_name": "Kaisa Kuntoutus",
            "receiver_organisation": "Kuntoutuskeskus Aalto",
            "first_meeting_on": iso(w.today),
            "attended": "coordinator",
            "ending": "continue",
        },
        watch=lambda w: [w.client],
    ),
]
