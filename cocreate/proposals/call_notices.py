"""What a call for proposals tells those who follow it: that it opened (those who follow
one of its themes hear that too), that it closes in three days, that it closed, and that
its answers are out.

The clock makes these moments, not a person, so an hourly job looks for the moments of
the last two days and announces each once (its key is the kind, the call and, for its
close, the close as it stands; the outbox keeps finished keys for 30 days, far longer than
the window it looks back).
"""

from datetime import datetime, timedelta
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import CompoundSelect, Select, func, select, union

from cocreate.calls.models import Call, CallFollow, CallPhase, CallTheme
from cocreate.core.outbox import job, known_keys
from cocreate.core.schedule import hourly, periodic
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.notifications.events import announce, outbox_key
from cocreate.notifications.kinds import NoticeKind, notice_kind
from cocreate.proposals.calls import phase_of
from cocreate.proposals.models import Follow, Proposal
from cocreate.proposals.notices import FOLLOWING

LOOK_BACK = timedelta(days=2)
CLOSING_SOON = timedelta(days=3)
ANNOUNCE_MOMENTS = "calls.announce_moments"


def call_followers(payload: dict[str, Any]) -> Select:
    """Those who follow the call."""
    return select(CallFollow.user_id).where(CallFollow.call_id == payload["call_id"])


def call_and_theme_followers(payload: dict[str, Any]) -> CompoundSelect:
    """Those who follow the call, and those who follow one of its themes (told it opened)."""
    themes = select(CallTheme.theme_id).where(CallTheme.call_id == payload["call_id"])
    return union(call_followers(payload), select(Follow.user_id).where(Follow.theme_id.in_(themes)))


def call_link(notification, external: bool) -> str | None:
    call_id = (notification.params or {}).get("call_id")
    if call_id is None:
        return None
    return url_for("calls.detail", call_id=call_id, _external=external)


def _call_kind(
    value: str, order: int, label, headline, detail=None, audience=call_followers
) -> NoticeKind:
    return notice_kind(
        value,
        order=order,
        label=label,
        group=FOLLOWING,
        audience=audience,
        headline=headline,
        detail=detail,
        link=call_link,
    )


CALL_OPENED = _call_kind(
    "call_opened",
    10,
    _l("En indkaldelse åbner"),
    _l("Kommunen spørger: «%(title)s»"),
    _l("Indkaldelsen er åben for forslag indtil %(deadline)s."),
    audience=call_and_theme_followers,
)
CALL_CLOSING = _call_kind(
    "call_closing",
    11,
    _l("En indkaldelse lukker om tre dage"),
    _l("Tre dage tilbage: «%(title)s»"),
    _l("Indkaldelsen lukker %(deadline)s. Send dit forslag inden da."),
)
CALL_CLOSED = _call_kind(
    "call_closed",
    12,
    _l("En indkaldelse er lukket"),
    _l("Indkaldelsen «%(title)s» er lukket"),
    _l("Forvaltningen behandler nu forslagene. Du kan følge dem på indkaldelsens side."),
)
CALL_ANSWERED = _call_kind(
    "call_answered",
    13,
    _l("Svarene på en indkaldelse er klar"),
    _l("Alle forslag til «%(title)s» er besvaret"),
    _l("Se, hvad der kom ud af indkaldelsen, på dens side."),
)


def _moments(now: datetime) -> list[tuple[NoticeKind, Call]]:
    """The calls' moments within the last LOOK_BACK, each with its kind."""
    since = now - LOOK_BACK
    published = Call.published_at.is_not(None)

    def calls_where(*conditions) -> list[Call]:
        return list(db.session.scalars(select(Call).where(published, *conditions)))

    found = [(CALL_OPENED, c) for c in calls_where(Call.opens_at > since, Call.opens_at <= now)]
    # Three days before the close, in Python: date arithmetic differs between the databases.
    soon = calls_where(Call.closes_at > now, Call.closes_at <= now + CLOSING_SOON)
    found += [(CALL_CLOSING, c) for c in soon if c.closes_at - CLOSING_SOON > since]
    found += [(CALL_CLOSED, c) for c in calls_where(Call.closes_at > since, Call.closes_at <= now)]
    settled = (
        select(func.max(Proposal.status_changed_at))
        .where(Proposal.call_id == Call.id)
        .scalar_subquery()
    )
    answered = calls_where(phase_of(now) == CallPhase.ANSWERED.value, settled > since)
    found += [(CALL_ANSWERED, call) for call in answered]
    return found


def _source(kind: NoticeKind, call: Call) -> str:
    """What the moment's key names: the call, and for its close the close as it stands, so
    that an extended call is announced again for its new close."""
    if kind in (CALL_CLOSING, CALL_CLOSED):
        return f"call:{call.id}:{call.closes_at.isoformat()}"
    return f"call:{call.id}"


@job(ANNOUNCE_MOMENTS)
def announce_moments(payload: dict[str, Any]) -> None:
    """Announce the moments of the calls not announced yet (a periodic job)."""
    moments = [(kind, call, _source(kind, call)) for kind, call in _moments(utcnow())]
    told = known_keys(outbox_key(kind, source) for kind, _, source in moments)
    for kind, call, source in moments:
        if outbox_key(kind, source) in told:
            continue
        announce(
            kind,
            source,
            call_id=call.id,
            title=call.title,
            deadline=call.closes_at.isoformat(),
        )


periodic(ANNOUNCE_MOMENTS, hourly)
