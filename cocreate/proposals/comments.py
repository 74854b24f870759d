"""Placeholder: the comment thread (comments, replies, forms) shown on the proposal page."""


def comments_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    return {}
