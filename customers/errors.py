from moodmnky.errors import ValidationFailedError


class EmailTakenError(ValidationFailedError):
    message = "An account with this email already exists."
    field = "email"


class InvalidResetTokenError(ValidationFailedError):
    message = "This password-reset link is invalid or has already been used."
    field = "token"
