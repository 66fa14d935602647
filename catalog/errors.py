"""Catalog domain errors."""

from moodmnky.errors import ConflictError, NotFoundError, OutOfStockError, ValidationFailedError


class VariantOutOfStockError(OutOfStockError):
    """Fewer units are available than asked for; context carries variant_id, sku, requested, available."""

    code = "out_of_stock"
    message = "Not enough stock."
    field = "variant_id"


class VariantNotFoundError(NotFoundError):
    message = "No such variant."


class ProductNotFoundError(NotFoundError):
    message = "No such product."


class StockBelowZeroError(ValidationFailedError):
    """An adjustment would leave a tracked variant below zero (adjustments never go negative)."""

    message = "This adjustment would take the stock below zero."
    field = "delta"


class VariantInUseError(ConflictError):
    message = "This variant is referenced by orders or carts; archive the product instead of deleting it."
