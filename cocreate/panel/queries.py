"""Placeholder: the stakeholder panel's requests and summary shown on the proposal page."""


def panel_context(proposal, viewer) -> dict:
    """Template context for the stakeholder panel's requests and summary shown on the proposal page; a fixed number of queries whatever the rows."""
    return {}
