"""Domain errors raised by services; views and the API turn them into messages."""


class DomainError(Exception):
    """A rule refused the request; nothing has been changed."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class PermissionDenied(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class TransitionNotAllowed(DomainError):
    """The proposal is not in a state where this step is allowed."""

    status = 409
    code = "transition_not_allowed"


class ConcurrentChange(DomainError):
    """Someone else changed the same thing first."""

    status = 409
    code = "conflict"


class ValidationFailed(DomainError):
    status = 422
    code = "validation_failed"
