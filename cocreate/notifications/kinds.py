"""What a notification can be about, declared by each feature beside the services that cause
it, and how an account wants to hear of it.

A feature declares a kind with `notice_kind(...)` at import, the way it registers a job:
its audience (who hears), its words (headline, detail) and where it links. This package
knows only accounts; the kinds know their features.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import CompoundSelect, Select, String, false, null, select
from sqlalchemy.types import TypeDecorator

from cocreate.accounts.roles import Role
from cocreate.core.types import LabelledEnum


class Delivery(LabelledEnum):
    IMMEDIATELY = "immediately", _l("Straks")
    DAILY = "daily", _l("Dagligt overblik")
    WEEKLY = "weekly", _l("Ugentligt overblik")
    NEVER = "never", _l("Aldrig")


DIGESTS = (Delivery.DAILY, Delivery.WEEKLY)


@dataclass(frozen=True, eq=False)
class SettingsGroup:
    """A heading on the settings page; with a role, only accounts holding it see the group."""

    label: Any
    order: int
    role: Role | None = None


# The event's payload (the proposal's id and the announced params) -> the accounts to tell.
Audience = Callable[[dict[str, Any]], Select | CompoundSelect]
# The notification -> the page it links to (external: a full address, for e-mail).
Link = Callable[[Any, bool], str | None]


@dataclass(frozen=True, eq=False)
class NoticeKind:
    """One kind of notification. `value` is stored with every notification: never rename it."""

    value: str
    label: Any  # on the settings page and in the mail's footer
    group: SettingsGroup
    audience: Audience
    headline: Any  # formatted with the params, e.g. %(title)s
    detail: Any = None
    default: Delivery = Delivery.IMMEDIATELY
    # A receipt for the actor's own step: the actor hears of it too (others never do).
    receipt: bool = False
    # Codes in the params turned into words in the reader's language (reason, outcome).
    words: Callable[[dict[str, Any]], dict[str, str]] = field(default=lambda params: {})
    link: Link = field(default=lambda notification, external: None)
    # Where the kind stands in its group on the settings page (in the order things happen).
    order: int = 0

    def __str__(self) -> str:
        return self.value


KINDS: dict[str, NoticeKind] = {}
KIND_MAX = 32


def notice_kind(value: str, **declaration) -> NoticeKind:
    """Declare a kind of notification; the feature that causes it holds the returned kind."""
    if value in KINDS or len(value) > KIND_MAX:
        raise ValueError(f"notification kind {value!r} is taken or too long")
    KINDS[value] = kind = NoticeKind(value, **declaration)
    return kind


def no_one(payload: dict[str, Any]) -> Select:
    return select(null()).where(false())


def _retired(value: str) -> NoticeKind:
    """A kind no feature declares any more: its old notifications still show, plainly."""
    return NoticeKind(value, value, SettingsGroup(value, 999), no_one, value)


class KindColumn(TypeDecorator):
    """Store a kind by its value; read back the declared kind (or a retired one)."""

    impl = String(KIND_MAX)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return KINDS.get(value) or _retired(value)


def groups_for(user) -> list[tuple[SettingsGroup, list[NoticeKind]]]:
    """The groups of kinds this account can receive, in the page's order, with their kinds."""
    groups: dict[SettingsGroup, list[NoticeKind]] = {}
    for kind in KINDS.values():
        if kind.group.role is None or kind.group.role in user.roles:
            groups.setdefault(kind.group, []).append(kind)
    return sorted(
        ((group, sorted(kinds, key=lambda kind: kind.order)) for group, kinds in groups.items()),
        key=lambda item: item[0].order,
    )
