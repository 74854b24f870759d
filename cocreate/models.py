"""Import every model so that metadata and relationships are complete."""

from cocreate.accounts.models import ApiToken, RoleGrant, User
from cocreate.core.audit import AuditEntry
from cocreate.departments.models import Department, DepartmentMembership, Response, Routing
from cocreate.moderation.models import ModerationDecision, StatusChange
from cocreate.proposals.models import Proposal, ProposalTheme
from cocreate.strategy.models import Strategy, Theme

__all__ = [
    "ApiToken",
    "AuditEntry",
    "Department",
    "DepartmentMembership",
    "ModerationDecision",
    "Proposal",
    "ProposalTheme",
    "Response",
    "RoleGrant",
    "Routing",
    "StatusChange",
    "Strategy",
    "Theme",
    "User",
]
