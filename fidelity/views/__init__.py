from fidelity.views.components import rating_components
from fidelity.views.history import item_detail, reviews_due, team_history
from fidelity.views.indicators import review_refresh
from fidelity.views.outputs import rating_rows_xlsx, review_report, review_xlsx
from fidelity.views.plan import plan_item_create, plan_item_delete, plan_item_edit
from fidelity.views.reviews import (
    rating_accept,
    rating_save,
    review_accept_all,
    review_copy,
    review_create,
    review_detail,
    review_finalise,
    review_list,
    review_settings,
    review_texts,
)

__all__ = [
    "item_detail",
    "plan_item_create",
    "plan_item_delete",
    "plan_item_edit",
    "rating_accept",
    "rating_components",
    "rating_rows_xlsx",
    "rating_save",
    "review_accept_all",
    "review_copy",
    "review_create",
    "review_detail",
    "review_finalise",
    "review_list",
    "review_refresh",
    "review_report",
    "review_settings",
    "review_texts",
    "review_xlsx",
    "reviews_due",
    "team_history",
]
