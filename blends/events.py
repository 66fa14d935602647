"""What a blend looks like to integrations (webhook `data`), defined once beside the models."""

from blends.analysis import Analysis, IfraResult
from blends.models import Blend


def ifra_data(result: IfraResult) -> dict:
    return {
        "product_base_id": result.product_base_id, "product_base_slug": result.product_base_slug,
        "ifra_category": result.ifra_category, "compliant": result.compliant,
        "max_compliant_load": str(result.max_compliant_load),
        "violations": [{"note_id": v.note_id, "note_slug": v.note_slug, "level": str(v.level), "limit": str(v.limit)}
                       for v in result.violations],
    }


def analysis_data(analysis: Analysis) -> dict:
    """The Analysis shape of DESIGN.md §5 as JSON (decimal strings)."""
    return {
        "total_percentage": str(analysis.total_percentage),
        "pyramid": {tier: str(share) for tier, share in analysis.pyramid.items()},
        "families": [{"category": row["category"], "percentage": str(row["percentage"])} for row in analysis.families],
        "intensity": str(analysis.intensity),
        "warnings": list(analysis.warnings),
        "ifra": [ifra_data(result) for result in analysis.ifra],
    }


def blend_payload(blend: Blend, analysis: Analysis | None = None) -> dict:
    """The blend as the admin API shows it (loaded with blends.selectors.blend_queryset)."""
    components = blend.current_version.components.all() if blend.current_version_id else []
    payload = {
        "id": str(blend.pk), "customer_id": blend.customer_id, "name": blend.name,
        "description": blend.description, "status": blend.status, "version": blend.version_number,
        "components": [{"note_id": c.note_id, "note_slug": c.note.slug, "name": c.note.name,
                        "percentage": str(c.percentage)} for c in components],
        "review_note": blend.review_note, "submitted_at": blend.submitted_at, "reviewed_at": blend.reviewed_at,
        "created_at": blend.created_at, "updated_at": blend.updated_at,  # record_event writes them as JSON
    }
    if analysis is not None:
        payload["analysis"] = analysis_data(analysis)
    return payload
