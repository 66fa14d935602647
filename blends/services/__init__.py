"""Every write of the blends app: blends and their review, scent profiles, note stock, checkout hooks."""

from blends.services.blends import (
    blend_approve,
    blend_create,
    blend_delete,
    blend_reject,
    blend_submit,
    blend_update,
    composition_validate,
)
from blends.services.checkout import (
    BlendLine,
    blend_formulate,
    blend_line_from_loaded,
    blend_line_prepare,
    blend_lines_take_stock,
    blend_snapshots_lock_stock,
    blend_snapshots_release_stock,
)
from blends.services.profile import scent_profile_update
from blends.services.stock import note_stock_adjust, note_stock_release_many, note_stock_take_many

__all__ = [
    "BlendLine",
    "blend_approve",
    "blend_create",
    "blend_delete",
    "blend_formulate",
    "blend_line_from_loaded",
    "blend_line_prepare",
    "blend_lines_take_stock",
    "blend_reject",
    "blend_snapshots_lock_stock",
    "blend_snapshots_release_stock",
    "blend_submit",
    "blend_update",
    "composition_validate",
    "note_stock_adjust",
    "note_stock_release_many",
    "note_stock_take_many",
    "scent_profile_update",
]
