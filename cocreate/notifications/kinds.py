"""What a notification can be about, and how an account wants to hear of it."""

from flask_babel import lazy_gettext as _l

from cocreate.core.types import LabelledEnum, labels


class NotificationKind(LabelledEnum):
    PROPOSAL_RECEIVED = "proposal_received"
    PROPOSAL_APPROVED = "proposal_approved"
    CHANGES_REQUESTED = "changes_requested"
    PROPOSAL_REJECTED = "proposal_rejected"
    PROPOSAL_TRANSFERRED = "proposal_transferred"
    PROPOSAL_ACKNOWLEDGED = "proposal_acknowledged"
    PRELIMINARY_ANSWER = "preliminary_answer"
    FINAL_ANSWER = "final_answer"
    PROPOSAL_IMPLEMENTED = "proposal_implemented"
    NEW_COMMENT = "new_comment"
    THEME_PROPOSAL = "theme_proposal"
    COAUTHOR_INVITATION = "coauthor_invitation"
    ORGANISATION_VERIFIED = "organisation_verified"
    PROPOSAL_ROUTED = "proposal_routed"
    SLA_DUE_SOON = "sla_due_soon"
    SLA_OVERDUE = "sla_overdue"
    SLA_ESCALATED = "sla_escalated"
    PANEL_REQUEST = "panel_request"
    PANEL_REMINDER = "panel_reminder"


KIND_LABELS = labels(
    NotificationKind,
    {
        NotificationKind.PROPOSAL_RECEIVED: _l("Kvittering, når du sender et forslag"),
        NotificationKind.PROPOSAL_APPROVED: _l("Dit forslag er godkendt"),
        NotificationKind.CHANGES_REQUESTED: _l("Moderatoren beder om ændringer"),
        NotificationKind.PROPOSAL_REJECTED: _l("Dit forslag er afvist"),
        NotificationKind.PROPOSAL_TRANSFERRED: _l(
            "Dit forslag er flyttet til en anden forvaltning"
        ),
        NotificationKind.PROPOSAL_ACKNOWLEDGED: _l("Forvaltningen er gået i gang"),
        NotificationKind.PRELIMINARY_ANSWER: _l("Foreløbigt svar"),
        NotificationKind.FINAL_ANSWER: _l("Endeligt svar"),
        NotificationKind.PROPOSAL_IMPLEMENTED: _l("Forslaget er gennemført"),
        NotificationKind.NEW_COMMENT: _l("Ny kommentar på et forslag, du følger"),
        NotificationKind.THEME_PROPOSAL: _l("Nyt forslag i et tema, du følger"),
        NotificationKind.COAUTHOR_INVITATION: _l("Invitation til at være medforfatter"),
        NotificationKind.ORGANISATION_VERIFIED: _l("Din organisation er verificeret"),
        NotificationKind.PROPOSAL_ROUTED: _l("Nyt forslag til din forvaltning"),
        NotificationKind.SLA_DUE_SOON: _l("En frist nærmer sig"),
        NotificationKind.SLA_OVERDUE: _l("En frist er overskredet"),
        NotificationKind.SLA_ESCALATED: _l("Overskredne frister i din forvaltning (til ledere)"),
        NotificationKind.PANEL_REQUEST: _l("Aktørpanelet bedes vurdere et forslag"),
        NotificationKind.PANEL_REMINDER: _l("Påmindelse om en vurdering"),
    },
)


class Delivery(LabelledEnum):
    IMMEDIATELY = "immediately"
    DAILY = "daily"
    WEEKLY = "weekly"
    NEVER = "never"


DELIVERY_LABELS = labels(
    Delivery,
    {
        Delivery.IMMEDIATELY: _l("Straks"),
        Delivery.DAILY: _l("Dagligt overblik"),
        Delivery.WEEKLY: _l("Ugentligt overblik"),
        Delivery.NEVER: _l("Aldrig"),
    },
)

DIGESTS = (Delivery.DAILY, Delivery.WEEKLY)

# What matters to someone waiting for an answer comes at once; chatter comes in a digest.
DEFAULT_DELIVERY = dict.fromkeys(NotificationKind, Delivery.IMMEDIATELY) | {
    NotificationKind.NEW_COMMENT: Delivery.DAILY,
    NotificationKind.THEME_PROPOSAL: Delivery.WEEKLY,
}
