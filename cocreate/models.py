"""Import every model so that metadata and relationships are complete."""

from cocreate.accounts.models import (
    ApiToken,
    Organisation,
    OrganisationMembership,
    RoleGrant,
    User,
)
from cocreate.core.audit import AuditEntry
from cocreate.departments.models import Department, DepartmentMembership, Response, Routing
from cocreate.moderation.models import CommentFlag, ModerationDecision, StatusChange
from cocreate.notifications.models import Notification, NotificationSetting, OutboxMessage
from cocreate.panel.models import PanelConflict, PanelMember, PanelReview, PanelReviewRequest
from cocreate.proposals.models import (
    Comment,
    Follow,
    Proposal,
    ProposalCoauthor,
    ProposalTheme,
    Support,
)
from cocreate.strategy.models import Strategy, Theme

__all__ = [
    "ApiToken",
    "AuditEntry",
    "Comment",
    "CommentFlag",
    "Department",
    "DepartmentMembership",
    "Follow",
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
    "Proposal",
    "ProposalCoauthor",
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
