"""Placeholder: the comment thread (comments, replies, forms) shown on the proposal page."""


def comments_context(proposal, viewer) -> dict:
    """Template context for the comment thread (comments, replies, forms) shown on the proposal page; a fixed number of queries whatever the rows."""
    return {}
