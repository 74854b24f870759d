"""Import every model so that metadata and relationships are complete."""

from cocreate.accounts.models import (
    ApiToken,
    Organisation,
    OrganisationMembership,
    RoleGrant,
    User,
)
from cocreate.calls.models import Call, CallFollow, CallTheme
from cocreate.core.audit import AuditEntry
from cocreate.core.outbox import OutboxMessage
from cocreate.departments.models import Milestone, ProgressUpdate
from cocreate.moderation.models import ModerationDecision
from cocreate.notifications.models import Notification, NotificationSetting
from cocreate.panel.models import PanelConflict, PanelMember, PanelReview, PanelReviewRequest
from cocreate.proposals.lifecycle import StatusChange
from cocreate.proposals.models import (
    Comment,
    CommentFlag,
    Follow,
    Proposal,
    ProposalCoauthor,
    ProposalTheme,
    Response,
    Routing,
    Support,
)
from cocreate.proposals.search.models import ProposalSearch
from cocreate.strategy.models import Department, DepartmentMembership, Strategy, Theme

__all__ = [
    "ApiToken",
    "AuditEntry",
    "Call",
    "CallFollow",
    "CallTheme",
    "Comment",
    "CommentFlag",
    "Department",
    "DepartmentMembership",
    "Follow",
    "Milestone",
    "ModerationDecision",
    "Notification",
    "NotificationSetting",
    "Organisation",
    "OrganisationMembership",
    "OutboxMessage",
    "PanelConflict",
    "PanelMember",
    "PanelReview",
    "PanelReviewRequest",
    "ProgressUpdate",
    "Proposal",
    "ProposalCoauthor",
    "ProposalSearch",
    "ProposalTheme",
    "Response",
    "RoleGrant",
    "Routing",
    "StatusChange",
    "Strategy",
    "Support",
    "Theme",
    "User",
]
