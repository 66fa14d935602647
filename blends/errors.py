"""Blend errors; messages are written for customers."""

from moodmnky.errors import ConflictError, InvalidTransitionError, NotFoundError, OutOfStockError, ValidationFailedError


class BlendNotFoundError(NotFoundError):
    message = "No such blend."


class CompositionError(ValidationFailedError):
    """The components break a rule (count, duplicates, sum, an inactive note); the message says which."""

    field = "components"


class ProductBaseUnavailableError(ValidationFailedError):
    message = "No such product base."
    field = "product_base_id"


class NotCompliantError(ValidationFailedError):
    """A note would be over its IFRA limit in this product; the message names the notes, context lists them."""

    field = "product_base_id"


class BlendStatusError(InvalidTransitionError):
    message = "That status change is not allowed for this blend."


class BlendHasNoCompositionError(ConflictError):
    message = "This blend has no components yet."


class NoteOutOfStockError(OutOfStockError):
    """Not enough grams of a note; context carries note_id, requested_grams, available_grams."""

    message = "Not enough of a fragrance oil in stock."
