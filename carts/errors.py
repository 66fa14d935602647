"""Cart and discount errors; messages are written for shoppers."""

from moodmnky.errors import ConflictError, NotFoundError, OutOfStockError, ValidationFailedError


class CartNotFoundError(NotFoundError):
    message = "No such cart."


class CartItemNotFoundError(NotFoundError):
    message = "No such item in this cart."


class CartNotOpenError(ConflictError):
    """Writes to a merged or checked-out cart; context names the cart it was merged into."""

    message = "This cart can no longer be changed."


class CartOutOfStockError(OutOfStockError):
    """More units asked for than can be sold; context carries available, requested, variant_id, sku."""

    field = "quantity"


class ProductUnavailableError(ValidationFailedError):
    message = "This product isn't available."
    field = "variant_id"


class CartLimitError(ValidationFailedError):
    field = "quantity"


class DiscountCodeError(ValidationFailedError):
    """A code cannot be used on this cart; the message says why, in words a shopper understands."""

    field = "code"


class DiscountNotOnCartError(NotFoundError):
    message = "This code isn't applied to the cart."


class DiscountNotFoundError(NotFoundError):
    message = "No such discount."
