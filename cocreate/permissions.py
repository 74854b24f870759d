"""Every named permission predicate in one namespace, for templates (`can.moderate(...)`)."""

from cocreate.accounts.permissions import can_act_for as act_for
from cocreate.accounts.permissions import (
    can_answer_membership_invitation as answer_membership_invitation,
)
from cocreate.accounts.permissions import can_manage_members as manage_members
from cocreate.accounts.permissions import can_verify_organisation as verify_organisation
from cocreate.admin.permissions import can_view_audit as view_audit
from cocreate.calls.permissions import can_create_call as create_call
from cocreate.calls.permissions import can_manage_call as manage_call
from cocreate.calls.permissions import can_view_call as view_call
from cocreate.departments.permissions import (
    can_acknowledge_proposal as acknowledge_proposal,
)
from cocreate.departments.permissions import (
    can_answer_proposal as answer_proposal,
)
from cocreate.departments.permissions import (
    can_handle_proposal as handle_proposal,
)
from cocreate.departments.permissions import (
    can_keep_follow_up as keep_follow_up,
)
from cocreate.departments.permissions import (
    can_manage_sla as manage_sla,
)
from cocreate.departments.permissions import (
    can_mark_implemented as mark_implemented,
)
from cocreate.departments.permissions import (
    can_open_handling_page as open_handling_page,
)
from cocreate.departments.permissions import (
    can_view_inbox as view_inbox,
)
from cocreate.moderation.permissions import can_handle_flags as handle_flags
from cocreate.moderation.permissions import can_hide_proposal as hide_proposal
from cocreate.moderation.permissions import can_moderate as moderate
from cocreate.panel.permissions import can_manage_panel as manage_panel
from cocreate.proposals.permissions import (
    can_answer_invitation as answer_invitation,
)
from cocreate.proposals.permissions import can_comment as comment
from cocreate.proposals.permissions import (
    can_create_proposal as create_proposal,
)
from cocreate.proposals.permissions import can_delete_comment as delete_comment
from cocreate.proposals.permissions import can_edit_comment as edit_comment
from cocreate.proposals.permissions import (
    can_edit_proposal as edit_proposal,
)
from cocreate.proposals.permissions import can_flag_comment as flag_comment
from cocreate.proposals.permissions import (
    can_invite_coauthors as invite_coauthors,
)
from cocreate.proposals.permissions import can_read_comment as read_comment
from cocreate.proposals.permissions import can_reply_to_comment as reply_to_comment
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
    "acknowledge_proposal",
    "act_for",
    "answer_invitation",
    "answer_membership_invitation",
    "answer_proposal",
    "comment",
    "create_call",
    "create_proposal",
    "delete_comment",
    "edit_comment",
    "edit_proposal",
    "flag_comment",
    "handle_flags",
    "handle_proposal",
    "hide_proposal",
    "invite_coauthors",
    "keep_follow_up",
    "manage_call",
    "manage_members",
    "manage_panel",
    "manage_sla",
    "mark_implemented",
    "moderate",
    "open_handling_page",
    "read_comment",
    "reply_to_comment",
    "submit_proposal",
    "verify_organisation",
    "view_audit",
    "view_call",
    "view_inbox",
    "view_proposal",
    "withdraw_proposal",
]
