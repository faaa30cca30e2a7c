"""Hostile-input case of the accompanied hand-over form (issue 15, item 6)."""

from ips.forms.handover import HandOverForm
from ips.models import Destination
from tests.hostile_input.world import client_case, iso


def destination(code=Destination.Code.VOCATIONAL_REHABILITATION):
    return Destination.objects.get(code=code).pk


HANDOVER_CASES = [
    client_case(
        HandOverForm,
        "ips:hand_over_add",
        lambda w: {
            "destination": destination(),
            "receiver_name": "Kaisa Kuntoutus",
            "receiver_organisation": "Kuntoutuskeskus Aalto",
            "first_meeting_on": iso(w.today),
            "attended": "coordinator",
            "ending": "continue",
        },
        build=lambda w: HandOverForm(client=w.client, user=w.coach_a),
        watch=lambda w: [w.client],
    ),
]
