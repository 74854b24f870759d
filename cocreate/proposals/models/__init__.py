"""Proposals and their record (steps, routing moves, answers), and what people do with them:
co-authors, comments and reports, supports and follows, ratings of the answer."""

from cocreate.accounts.authorship import author_column
from cocreate.proposals.lifecycle import StatusChange
from cocreate.proposals.models.comment import COMMENT_MAX, Comment, CommentFlag, FlagReason
from cocreate.proposals.models.proposal import (
    BODY_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    CoauthorStatus,
    Proposal,
    ProposalCoauthor,
    ProposalTheme,
)
from cocreate.proposals.models.rating import RATING_COMMENT_MAX, AnswerRating
from cocreate.proposals.models.response import (
    ACCEPTING,
    COST_ESTIMATE_MAX,
    PLANNED_FIRST_YEAR,
    PLANNED_YEARS_AHEAD,
    RESPONSE_TEXT_MAX,
    Outcome,
    Response,
)
from cocreate.proposals.models.routing import ROUTING_REASON_MAX, Routing
from cocreate.proposals.models.support import Follow, Support

# Their authors are kept: an account that wrote a proposal or a comment is never purged.
author_column(Proposal.author_id)
author_column(Comment.author_id)

__all__ = [
    "ACCEPTING",
    "BODY_MAX",
    "COMMENT_MAX",
    "COST_ESTIMATE_MAX",
    "PLANNED_FIRST_YEAR",
    "PLANNED_YEARS_AHEAD",
    "RATING_COMMENT_MAX",
    "RESPONSE_TEXT_MAX",
    "ROUTING_REASON_MAX",
    "SUMMARY_MAX",
    "TITLE_MAX",
    "AnswerRating",
    "CoauthorStatus",
    "Comment",
    "CommentFlag",
    "FlagReason",
    "Follow",
    "Outcome",
    "Proposal",
    "ProposalCoauthor",
    "ProposalTheme",
    "Response",
    "Routing",
    "StatusChange",
    "Support",
]
