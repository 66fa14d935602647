"""Domain errors: raised by services, mapped to HTTP once in moodmnky.api.exceptions."""


class DomainError(Exception):
    """A business rule refused the operation. Knows nothing about HTTP."""

    code = "domain_error"
    message = "The request could not be completed."
    field: str | None = None  # the input field a client should look at, when there is one

    def __init__(self, message: str | None = None, *, field: str | None = None, **details):
        super().__init__(message or self.message)
        self.message = message or self.message
        if field is not None:
            self.field = field
        self.details = details


class ValidationFailedError(DomainError):
    """Input broke a business rule (a taken email, an unknown code); answered as a 400."""

    code = "validation_error"
    message = "Invalid input."


class NotFoundError(DomainError):
    code = "not_found"
    message = "Not found."


class ConflictError(DomainError):
    code = "conflict"
    message = "The request conflicts with the current state of the resource."


class InvalidTransitionError(ConflictError):
    code = "invalid_transition"
    message = "That status change is not allowed."


class OutOfStockError(ConflictError):
    code = "out_of_stock"
    message = "Not enough stock."


class PaymentDeclinedError(DomainError):
    code = "payment_declined"
    message = "The payment was declined."


class PaymentGatewayError(DomainError):
    code = "payment_error"
    message = "The payment provider failed; nothing was charged."


class InvalidTokenError(DomainError):
    """A token presented to a service is malformed, expired, revoked or of an ended session (401)."""

    code = "invalid_token"
    message = "The token or API key is invalid, expired or revoked."
