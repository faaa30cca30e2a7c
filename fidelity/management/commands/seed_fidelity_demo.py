"""Demo fidelity reviews for the demo team: two earlier finalised ones and a draft for the demo reviewer.

Run after seed_demo. Safe to run again: reviews are found by team and data period and left as they are. The draft
gets its suggestions from data once (as if the reviewer had pressed "Refresh from data").
"""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from fidelity import indicators, services
from fidelity.models import ActionPlanItem, FidelityScale, ItemRating, Review
from ips.models import Team, User

TEAM = "Vaasan työkykytiimi"
REVIEWER = "reviewer"
SUPERVISOR = "supervisor"
# Scores of the earlier review, item code -> score: a team on its way, "fair" fidelity (total 86).
EARLIER_SCORES = {
    "S1": 4, "S2": 3, "S3": 4, "O1": 3, "O2": 4, "O3": 2, "O4": 4, "O5": 3, "O6": 4, "O7": 3, "O8": 3,
    "V1": 3, "V2": 4, "V3": 4, "V4": 4, "V5": 3, "V6": 2, "V7": 3, "V8": 4, "V9": 5, "V10": 4, "V11": 3,
    "V12": 3, "V13": 3, "V14": 4,
}  # fmt: skip


# The first review, a year before the earlier one's end: a new team, "fair" at its lower end (total 76).
FIRST_SCORES = {**EARLIER_SCORES, "S2": 2, "O2": 3, "O5": 2, "O8": 2, "V2": 3, "V3": 3, "V8": 3, "V10": 3, "V14": 3}


def _half_year_back(day: date) -> date:
    return day - timedelta(days=182)


class Command(BaseCommand):
    help = "Create demo fidelity reviews for the demo team (run after seed_demo)."

    @transaction.atomic
    def handle(self, *args, **options):
        try:
            team = Team.objects.get(name=TEAM)
            reviewer = User.objects.get(username=REVIEWER)
        except (Team.DoesNotExist, User.DoesNotExist) as missing:
            raise CommandError("Run seed_demo first: the demo team and reviewer are missing.") from missing
        supervisor = User.objects.filter(username=SUPERVISOR).first() or reviewer
        scale = FidelityScale.objects.active().get(code="IPS-25")
        today = timezone.localdate()
        current_end = today.replace(day=1) - timedelta(days=1)
        current_start = _half_year_back(current_end) + timedelta(days=1)
        earlier_end = current_start - timedelta(days=1)
        earlier_start = _half_year_back(earlier_end) + timedelta(days=1)

        first_end = _half_year_back(earlier_start - timedelta(days=1))
        first_start = _half_year_back(first_end) + timedelta(days=1)
        reviewed = ((first_start, first_end, FIRST_SCORES), (earlier_start, earlier_end, EARLIER_SCORES))
        for start, end, scores in reviewed:
            if not Review.objects.filter(team=team, scale=scale, period_start=start).exists():
                self._finalised(team, scale, start, end, scores, reviewer, supervisor)

        draft = Review.objects.filter(team=team, scale=scale, period_start=current_start).first()
        if draft is None:
            draft = services.review_create(
                team=team,
                scale=scale,
                period_start=current_start,
                period_end=current_end,
                review_start=today,
                review_end=today + timedelta(days=1),
                reviewers=[reviewer],
                external_reviewers="Kari Lehto (THL)",
                by=supervisor,
            )
            self.stdout.write(f"Draft review {draft.period_start}–{draft.period_end} created for {reviewer}.")
        if not draft.is_finalised and not draft.ratings.filter(suggested_at__isnull=False).exists():
            count = indicators.refresh_review(draft)
            self.stdout.write(f"Suggestions from data computed for {count} items of the draft review.")

    def _finalised(self, team, scale, start, end, scores, reviewer, supervisor):
        review = services.review_create(
            team=team,
            scale=scale,
            period_start=start,
            period_end=end,
            review_start=end + timedelta(days=14),
            review_end=end + timedelta(days=15),
            reviewers=[reviewer],
            external_reviewers="Kari Lehto (THL)",
            by=supervisor,
        )
        for rating in review.ratings.select_related("item"):
            ItemRating.objects.filter(pk=rating.pk).update(
                score=scores.get(rating.item.code, 3),
                evidence="Haastattelut ja asiakirjat arviointipäivinä.",
                sources=["INT", "DOC"],
                recommendation="",
                updated_by=reviewer,
            )
        review.strengths = "Tiimi on sitoutunut IPS-malliin ja työnantajayhteistyö on käynnistynyt hyvin."
        review.summary = "Kohtalainen menetelmäuskollisuus. Kehityskohteina yhteistyö työllisyyspalvelujen kanssa."
        review.save(update_fields=["strengths", "summary"])
        ActionPlanItem.objects.create(
            review=review,
            text="Sovitaan kuukausittaiset tapaamiset työllisyysalueen yhteyshenkilöiden kanssa.",
            owner_user=supervisor,
            due_date=end + timedelta(days=90),
            status=ActionPlanItem.Status.DONE,
        ).items.set(scale.items.filter(code="O3"))
        services.review_finalise(review=review, by=reviewer)
        self.stdout.write(f"Finalised review {review.period_start}–{review.period_end} created.")
        self.stdout.write(self.style.SUCCESS("Demo fidelity reviews ready."))
