"""Membership tiers from settings.LOYALTY_TIERS: [(name, lifetime-points threshold), ...] in rising order."""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from django.conf import settings
from django.db.models import Q


@dataclass(frozen=True)
class NextTier:
    name: str
    threshold: int
    points_needed: int


def tiers() -> list[tuple[str, int]]:
    return sorted(settings.LOYALTY_TIERS, key=lambda tier: tier[1])


def tier_for(lifetime_points: int) -> tuple[str, int]:
    """The highest tier whose threshold the lifetime points reach (the first tier below every threshold)."""
    reached = [tier for tier in tiers() if lifetime_points >= tier[1]]
    return reached[-1] if reached else tiers()[0]


def next_tier_for(lifetime_points: int) -> NextTier | None:
    """The first tier above the current one, or None at the top."""
    current_threshold = tier_for(lifetime_points)[1]
    for name, threshold in tiers():
        if threshold > current_threshold and threshold > lifetime_points:
            return NextTier(name=name, threshold=threshold, points_needed=threshold - lifetime_points)
    return None


def tier_range(name: str) -> tuple[int | None, int | None]:
    """[low, high) lifetime points of a tier: low None for the first tier (it also holds anyone below its
    threshold), high None for the top one. KeyError for an unknown name."""
    ordered = tiers()
    names = [tier[0] for tier in ordered]
    index = names.index(name) if name in names else None
    if index is None:
        raise KeyError(name)
    low = None if index == 0 else ordered[index][1]
    high = ordered[index + 1][1] if index + 1 < len(ordered) else None
    return low, high


def tier_q(name: str) -> Q:
    """Customers in tier `name` by lifetime points (KeyError for an unknown name)."""
    low, high = tier_range(name)
    condition = Q()
    if low is not None:
        condition &= Q(lifetime_points__gte=low)
    if high is not None:
        condition &= Q(lifetime_points__lt=high)
    return condition


def points_for(amount: Decimal) -> int:
    """One point per whole currency unit: 24.99 -> 24; never negative."""
    return max(int(Decimal(amount).to_integral_value(rounding=ROUND_FLOOR)), 0)
