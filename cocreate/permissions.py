"""Every named permission predicate in one namespace, for templates (`can.moderate(...)`)."""

from cocreate.admin.permissions import can_view_audit as view_audit
from cocreate.departments.permissions import (
    can_handle_proposal as handle_proposal,
)
from cocreate.departments.permissions import (
    can_manage_sla as manage_sla,
)
from cocreate.departments.permissions import (
    can_mark_implemented as mark_implemented,
)
from cocreate.departments.permissions import (
    can_view_inbox as view_inbox,
)
from cocreate.moderation.permissions import can_moderate as moderate
from cocreate.proposals.permissions import (
    can_create_proposal as create_proposal,
)
from cocreate.proposals.permissions import (
    can_edit_proposal as edit_proposal,
)
from cocreate.proposals.permissions import (
    can_submit_proposal as submit_proposal,
)
from cocreate.proposals.permissions import (
    can_view_proposal as view_proposal,
)
from cocreate.proposals.permissions import (
    can_withdraw_proposal as withdraw_proposal,
)

__all__ = [
    "create_proposal",
    "edit_proposal",
    "handle_proposal",
    "manage_sla",
    "mark_implemented",
    "moderate",
    "submit_proposal",
    "view_audit",
    "view_inbox",
    "view_proposal",
    "withdraw_proposal",
]
