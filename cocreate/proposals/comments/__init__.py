"""Comments on proposals: writing, editing and deleting them, and the thread on the page."""

from cocreate.proposals.comments.thread import comments_context

__all__ = ["comments_context"]
