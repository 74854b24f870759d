"""Helpers that every package's views share."""

from flask import abort, flash

from cocreate.core.errors import DomainError
from cocreate.extensions import db


def get_or_404(model, object_id: int):
    """Load a row by primary key or answer 404."""
    found = db.session.get(model, object_id)
    if found is None:
        abort(404)
    return found


def require(allowed: bool) -> None:
    """Answer 403 unless the permission predicate allowed the request."""
    if not allowed:
        abort(403)


def apply_domain_error(form, error: DomainError) -> None:
    """Show a service's refusal on the form, next to the fields it names."""
    db.session.rollback()
    placed = False
    for name, message in error.fields.items():
        field = getattr(form, name, None) if form is not None else None
        if field is not None:
            field.errors = [*field.errors, message]
            placed = True
    if not placed:
        flash(error.message, "error")


def perform(call, form=None) -> tuple[bool, object]:
    """Run one service call and commit; on a refusal roll back and show why.

    Returns whether it went through and what the service returned.
    """
    try:
        result = call()
    except DomainError as error:
        apply_domain_error(form, error)
        return False, None
    db.session.commit()
    return True, result
