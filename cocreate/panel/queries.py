"""Placeholder: the stakeholder panel's requests and summary shown on the proposal page."""


def panel_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    return {}
