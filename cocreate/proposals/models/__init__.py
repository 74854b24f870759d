"""Proposals and what people do with them: co-authors, comments, supports and follows."""

from cocreate.proposals.models.comment import COMMENT_MAX, Comment
from cocreate.proposals.models.proposal import (
    BODY_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    CoauthorStatus,
    Proposal,
    ProposalCoauthor,
    ProposalTheme,
)
from cocreate.proposals.models.support import Follow, Support

__all__ = [
    "BODY_MAX",
    "COMMENT_MAX",
    "SUMMARY_MAX",
    "TITLE_MAX",
    "CoauthorStatus",
    "Comment",
    "Follow",
    "Proposal",
    "ProposalCoauthor",
    "ProposalTheme",
    "Support",
]
