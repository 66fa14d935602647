"""Order errors; messages are written for the shopper or the staff member who sees them."""

from moodmnky.errors import (
    ConflictError,
    InvalidTransitionError,
    NotFoundError,
    PaymentDeclinedError,
    PaymentGatewayError,
    ValidationFailedError,
)

__all__ = [
    "CartEmptyError", "LineUnavailableError", "OrderNotFoundError", "OrderTransitionError",
    "PaymentDeclinedError", "PaymentGatewayError", "RefundTooLargeError", "NothingToFulfillError",
    "OrderNotPayableError",
]


class OrderNotFoundError(NotFoundError):
    message = "No such order."


class OrderTransitionError(InvalidTransitionError):
    """A status change the lifecycle table does not allow; context carries `from_status` and `to_status`."""


class CartEmptyError(ValidationFailedError):
    message = "The cart is empty."
    field = "items"


class LineUnavailableError(ValidationFailedError):
    """A cart line whose product is no longer on sale; `field` names the line (items.<i>)."""

    message = "This product is no longer available."


class RefundTooLargeError(ValidationFailedError):
    field = "amount"


class NothingToFulfillError(ConflictError):
    message = "Every line of this order is already fulfilled."


class OrderNotPayableError(ConflictError):
    message = "This order has nothing left to pay."
