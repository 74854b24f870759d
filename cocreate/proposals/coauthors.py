"""Placeholder: co-authors and the organisation shown on the proposal page."""


def people_context(proposal, viewer) -> dict:
    """Template context for co-authors and the organisation shown on the proposal page; a fixed number of queries whatever the rows."""
    return {}
