"""The loyalty points ledger: every change is a LoyaltyTransaction row, and the cached balance on the
customer moves by the same amount in the same transaction (F() update under the customer's row lock)."""

from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.db.models import F, Sum

from customers.errors import InsufficientPointsError
from customers.models import Customer, LoyaltyTransaction
from customers.services.profile import customer_lock
from customers.tiers import points_for
from moodmnky.actors import SYSTEM, Actor
from moodmnky.errors import ValidationFailedError

Type = LoyaltyTransaction.Type


@transaction.atomic
def loyalty_award(*, customer: Customer, order_id: UUID, amount: Decimal, description: str = "",
                  actor: Actor = SYSTEM) -> LoyaltyTransaction | None:
    """Award 1 point per whole currency unit of a paid order's total. Once per order: a second call
    returns the first award. An order under one currency unit earns nothing (None)."""
    _balance_locked(customer)
    # A statement of its own, after the lock: one that also locked would read the ledger as it was before the
    # wait, and miss an award committed by the transaction it waited for.
    earned = LoyaltyTransaction.objects.filter(customer_id=customer.pk, order_id=order_id, type=Type.EARN).first()
    if earned is not None:
        return earned
    points = points_for(amount)
    if points == 0:
        return None
    return _post(customer, type=Type.EARN, points=points, order_id=order_id, amount=amount, actor=actor,
                 description=description or f"Points for order {order_id}")


@transaction.atomic
def loyalty_reverse(*, customer: Customer, order_id: UUID, amount: Decimal, description: str = "",
                    actor: Actor = SYSTEM) -> LoyaltyTransaction | None:
    """Take back points for `amount` refunded on an order, so that what the order keeps is one point per
    whole unit of what stays paid (refunds add up; never more than was earned). None if it earned nothing.

    A refund too small to change the whole-unit total is still written (0 points): later refunds add to it.
    """
    if Decimal(amount) <= 0:
        raise ValidationFailedError("The refunded amount must be positive.", field="amount")
    _balance_locked(customer)
    earned = LoyaltyTransaction.objects.filter(order_id=order_id, type=Type.EARN, customer_id=customer.pk).first()
    if earned is None:
        return None
    before = LoyaltyTransaction.objects.filter(order_id=order_id, type=Type.REVERSE).aggregate(
        refunded=Sum("amount"), points=Sum("points"))
    refunded = min((before["refunded"] or Decimal("0")) + Decimal(amount), earned.amount)
    should_be_reversed = earned.points - points_for(earned.amount - refunded)
    points = -(should_be_reversed + (before["points"] or 0))  # before["points"] is zero or negative
    return _post(customer, type=Type.REVERSE, points=points, order_id=order_id, amount=amount, actor=actor,
                 description=description or f"Refund on order {order_id}")


@transaction.atomic
def loyalty_redeem(*, customer: Customer, points: int, order_id: UUID | None = None,
                   description: str = "", actor: Actor = SYSTEM) -> LoyaltyTransaction:
    """Spend points; more than the balance raises InsufficientPointsError. Lifetime points stay."""
    if points <= 0:
        raise ValidationFailedError("Redeem a positive number of points.", field="points")
    _balance_locked(customer)
    if customer.loyalty_points < points:
        raise InsufficientPointsError(available=customer.loyalty_points)
    return _post(customer, type=Type.REDEEM, points=-points, order_id=order_id, actor=actor,
                 description=description or "Points redeemed")


@transaction.atomic
def loyalty_adjust(*, customer: Customer, points: int, description: str, actor: Actor) -> LoyaltyTransaction:
    """A manual correction by staff, under the rules of loyalty_adjust_check."""
    description = (description or "").strip()
    _balance_locked(customer)
    loyalty_adjust_check(points=points, description=description, balance=customer.loyalty_points)
    return _post(customer, type=Type.ADJUST, points=points, description=description, actor=actor)


def loyalty_adjust_check(*, points: int | None, description: str, balance: int) -> None:
    """An adjustment is not zero, says why and keeps the balance at zero or above; the Django admin's form
    asks the same. Raises ValidationFailedError with a detail per field (InsufficientPointsError for the
    balance)."""
    errors = []
    if not points:
        errors.append({"field": "points", "message": "Adjust by a non-zero number of points."})
    elif balance + points < 0:
        errors.append({"field": "points", "message": f"The balance ({balance}) cannot go below zero."})
    if not (description or "").strip():
        errors.append({"field": "description", "message": "Say why the points change."})
    if not errors:
        return
    error = InsufficientPointsError if points and balance + points < 0 else ValidationFailedError
    raise error(errors[0]["message"] if len(errors) == 1 else "Invalid input.", field=errors[0]["field"],
                errors=errors, **({"available": balance} if error is InsufficientPointsError else {}))


def _balance_locked(customer: Customer) -> None:
    """Lock the customer's row for this transaction and put its balance, as read under the lock, on `customer`
    (the caller's instance): _post then moves it, so the new balance is known without reading it back."""
    locked = customer_lock(customer.pk)
    customer.loyalty_points, customer.lifetime_points = locked.loyalty_points, locked.lifetime_points


def _post(customer: Customer, *, type: str, points: int, actor: Actor, **fields) -> LoyaltyTransaction:
    """Write the ledger row and move the balance of `customer`, read by _balance_locked in this transaction."""
    row = LoyaltyTransaction.objects.create(customer_id=customer.pk, type=type, points=points,
                                            created_by=actor.user if actor.user_id is not None else None, **fields)
    lifetime = 0 if type == Type.REDEEM else points
    Customer.objects.filter(pk=customer.pk).update(loyalty_points=F("loyalty_points") + points,
                                                   lifetime_points=F("lifetime_points") + lifetime)
    customer.loyalty_points += points
    customer.lifetime_points += lifetime
    return row
