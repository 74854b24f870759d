"""Helpers that every package's views share."""

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect

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


def carried_out(
    call,
    said: str | Callable[[object], str],
    then: str | Callable[[object], str],
    form=None,
):
    """Run one service call and commit; when it went through, say so and redirect.

    said is the text and then the address to go to, each given or made from what the
    service returned. None when the service refused: its reason is on the form or
    flashed already.
    """
    done, result = perform(call, form)
    if not done:
        return None
    flash(said(result) if callable(said) else said, "success")
    return redirect(then(result) if callable(then) else then)


def tell_change(done: bool, changed: bool, changed_message: str, unchanged_message: str) -> None:
    """Say whether an idempotent step changed anything (supporting, following) once it went
    through; a refusal has said why already."""
    if done:
        flash(changed_message if changed else unchanged_message, "success" if changed else "info")


def add_views(blueprint: Blueprint, view: Callable, routes: dict, **options) -> None:
    """Route each endpoint's rule to view(its variant, ...): routes is {endpoint: (rule, variant)}.

    Each gets a function of its own, named as its endpoint, as Flask and its extensions
    (the CSRF check among them) expect of a view.
    """
    for endpoint, (rule, variant) in routes.items():

        def bound(*args, _variant=variant, **kwargs):
            return view(_variant, *args, **kwargs)

        bound.__name__ = bound.__qualname__ = endpoint
        bound.__module__ = view.__module__
        blueprint.add_url_rule(rule, endpoint, bound, **options)
