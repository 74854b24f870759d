"""What an organisation's members hear: that staff have verified it."""

from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from cocreate.accounts.models import OrganisationMembership
from cocreate.notifications.kinds import notice_kind
from cocreate.proposals.notices import YOUR_PROPOSALS


def organisation_members(payload: dict[str, Any]) -> Select:
    return select(OrganisationMembership.user_id).where(
        OrganisationMembership.organisation_id == payload["organisation_id"],
        OrganisationMembership.accepted_at.is_not(None),
    )


def _organisation_link(notification, external: bool) -> str | None:
    organisation_id = (notification.params or {}).get("organisation_id")
    if organisation_id is None:
        return None
    return url_for("organisations.detail", organisation_id=organisation_id, _external=external)


ORGANISATION_VERIFIED = notice_kind(
    "organisation_verified",
    order=7,
    label=_l("Din organisation er verificeret"),
    group=YOUR_PROPOSALS,
    audience=organisation_members,
    headline=_l("%(organisation)s er verificeret"),
    link=_organisation_link,
)
