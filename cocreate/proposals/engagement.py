"""Placeholder: support and follow state shown on the proposal page."""


def engagement_context(proposal, viewer) -> dict:
    """Template context for support and follow state shown on the proposal page; a fixed number of queries whatever the rows."""
    return {}
