"""Placeholder: support and follow state shown on the proposal page."""


def engagement_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    return {}
