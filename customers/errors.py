from moodmnky.errors import ValidationFailedError


class EmailTakenError(ValidationFailedError):
    message = "An account with this email already exists."
    field = "email"


class InvalidResetTokenError(ValidationFailedError):
    message = "This password-reset link is invalid or has already been used."
    field = "token"


class WrongPasswordError(ValidationFailedError):
    message = "The password is incorrect."
    field = "password"


class AddressLimitError(ValidationFailedError):
    message = "You can keep at most {limit} saved addresses; delete one first."


class InsufficientPointsError(ValidationFailedError):
    message = "Not enough loyalty points."
    field = "points"
