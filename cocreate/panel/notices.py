"""What the panel's members hear: requests to review a proposal, and reminders of due dates."""

from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from cocreate.accounts.roles import Role
from cocreate.notifications.kinds import SettingsGroup, notice_kind
from cocreate.panel.models import PanelConflict, PanelMember, PanelReview
from cocreate.proposals.notices import proposal_link

THE_PANEL = SettingsGroup(_l("Aktørpanelet"), order=40, role=Role.PANEL_MEMBER)


def panel_members(payload: dict[str, Any]) -> Select:
    """Active members who have neither a conflict on the proposal nor a review of it yet."""
    proposal_id = payload["proposal_id"]
    return select(PanelMember.user_id).where(
        PanelMember.active.is_(True),
        PanelMember.id.not_in(
            select(PanelConflict.member_id).where(PanelConflict.proposal_id == proposal_id)
        ),
        PanelMember.id.not_in(
            select(PanelReview.member_id).where(PanelReview.proposal_id == proposal_id)
        ),
    )


PANEL_REQUEST = notice_kind(
    "panel_request",
    order=1,
    label=_l("Aktørpanelet bedes vurdere et forslag"),
    group=THE_PANEL,
    audience=panel_members,
    headline=_l("Aktørpanelet bedes vurdere «%(title)s» senest %(date)s"),
    detail=_l("Du finder anmodningen under Aktørpanel."),
    link=proposal_link,
)
PANEL_REMINDER = notice_kind(
    "panel_reminder",
    order=2,
    label=_l("Påmindelse om en vurdering"),
    group=THE_PANEL,
    audience=panel_members,
    headline=_l("Husk at vurdere «%(title)s» senest %(date)s"),
    link=proposal_link,
)
