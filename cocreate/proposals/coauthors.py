"""Placeholder: co-authors and the organisation shown on the proposal page."""


def people_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    return {}
