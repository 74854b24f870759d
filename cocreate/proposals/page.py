"""The proposal's page is made of parts: each feature that shows something there registers a
part, a function (proposal, viewer) -> template context, the way jobs are registered."""

from collections.abc import Callable

from flask import render_template

from cocreate.proposals.history import proposal_history

PagePart = Callable[[object, object], dict]
PAGE_PARTS: list[PagePart] = []


def page_part(part: PagePart) -> PagePart:
    """Register a part of the proposal's page, once (twice would run its queries twice)."""
    if part in PAGE_PARTS:
        raise ValueError(f"{part.__qualname__} is a part of the proposal's page already")
    PAGE_PARTS.append(part)
    return part


def page_context(proposal, viewer) -> dict:
    """What every registered part gives the proposal's page for this viewer."""
    context: dict = {}
    for part in PAGE_PARTS:
        context |= part(proposal, viewer)
    return context


def render_proposal_page(proposal, viewer, context: dict) -> str:
    """The proposal's page with its history and the parts' context: page_context's, or that
    with a sent form (and its errors) in place of an empty one."""
    return render_template(
        "proposals/detail.html",
        proposal=proposal,
        history=proposal_history(proposal, viewer),
        **context,
    )
