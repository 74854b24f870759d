"""What moderators' decisions tell the authors, and those who follow the proposal's themes."""

from flask_babel import lazy_gettext as _l

from cocreate.moderation.models import Decision, ModerationDecision, RejectionReason
from cocreate.notifications.kinds import notice_kind
from cocreate.proposals.notices import (
    THEME_PROPOSAL,
    YOUR_PROPOSALS,
    announce_about,
    authors,
    proposal_link,
)


def _reason_words(params: dict) -> dict[str, str]:
    code = params.get("reason_code")
    return {"reason": RejectionReason(code).label} if code else {}


PROPOSAL_APPROVED = notice_kind(
    "proposal_approved",
    order=2,
    label=_l("Dit forslag er godkendt"),
    group=YOUR_PROPOSALS,
    audience=authors,
    headline=_l("Dit forslag «%(title)s» er godkendt og sendt til %(department)s"),
    link=proposal_link,
)
CHANGES_REQUESTED = notice_kind(
    "changes_requested",
    order=3,
    label=_l("Moderatoren beder om ændringer"),
    group=YOUR_PROPOSALS,
    audience=authors,
    headline=_l("Moderatoren beder om ændringer i «%(title)s»"),
    link=proposal_link,
)
PROPOSAL_REJECTED = notice_kind(
    "proposal_rejected",
    order=4,
    label=_l("Dit forslag er afvist"),
    group=YOUR_PROPOSALS,
    audience=authors,
    headline=_l("Dit forslag «%(title)s» er afvist: %(reason)s"),
    words=_reason_words,
    link=proposal_link,
)
DECISION_KINDS = {
    Decision.APPROVE: PROPOSAL_APPROVED,
    Decision.REQUEST_CHANGES: CHANGES_REQUESTED,
    Decision.REJECT: PROPOSAL_REJECTED,
}


def announce_decision(record: ModerationDecision, change_id: int, department) -> None:
    """Tell the authors what was decided; an approval also tells those following its themes."""
    proposal, source = record.proposal, f"status_change:{change_id}"
    announce_about(
        DECISION_KINDS[record.decision],
        source,
        proposal,
        actor=record.moderator,
        department=department.name if department else "",
        reason_code=record.reason.value if record.reason else "",
        note=record.note,
    )
    if record.decision == Decision.APPROVE:
        themes = proposal.themes
        announce_about(
            THEME_PROPOSAL,
            source,
            proposal,
            actor=proposal.author,
            theme_ids=[theme.id for theme in themes],
            theme=", ".join(theme.title for theme in themes),
        )
