"""How each account wants to hear of each kind of event, and leaving digests by link."""

from collections.abc import Iterable

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, select, update

from cocreate.accounts.models import User
from cocreate.core.errors import ValidationFailed
from cocreate.core.once import upsert
from cocreate.extensions import db
from cocreate.notifications.kinds import DIGESTS, KINDS, Delivery, NoticeKind
from cocreate.notifications.models import Notification, NotificationSetting

# An unsubscribe link in a mail works for this long; after that, the settings page does.
UNSUBSCRIBE_MAX_AGE = 90 * 24 * 3600


def deliveries_for(user_ids: Iterable[int], kind: NoticeKind) -> dict[int, Delivery]:
    """Each account's choice for the kind, or the kind's default (one query)."""
    user_ids = list(user_ids)
    chosen = dict(
        db.session.execute(
            select(NotificationSetting.user_id, NotificationSetting.delivery).where(
                NotificationSetting.kind == kind, NotificationSetting.user_id.in_(user_ids)
            )
        ).all()
    )
    return {user_id: chosen.get(user_id, kind.default) for user_id in user_ids}


def settings_of(user: User) -> dict[NoticeKind, Delivery]:
    """Every kind with the account's choice or the default."""
    chosen = dict(
        db.session.execute(
            select(NotificationSetting.kind, NotificationSetting.delivery).where(
                NotificationSetting.user_id == user.id
            )
        ).all()
    )
    return {kind: chosen.get(kind, kind.default) for kind in KINDS.values()}


def _delivery(value) -> Delivery | None:
    try:
        return Delivery(value)
    except ValueError:
        return None


def update_settings(user: User, choices: dict[str, str]) -> None:
    """Store the account's choice per kind; an unknown kind or choice changes nothing."""
    errors = {}
    parsed = {}
    for name, value in choices.items():
        if name not in KINDS:
            errors[name] = _("Den slags besked findes ikke.")
        elif (delivery := _delivery(value)) is None:
            errors[name] = _("Vælg straks, dagligt overblik, ugentligt overblik eller aldrig.")
        else:
            parsed[KINDS[name]] = delivery
    if errors:
        raise ValidationFailed(_("Indstillingerne blev ikke gemt."), errors)
    for kind, delivery in parsed.items():
        _store(user, kind, delivery)
    db.session.flush()


def _store(user: User, kind: NoticeKind, delivery: Delivery) -> None:
    """Keep one choice (no row for the default); move what waits for a digest with it."""
    if delivery == kind.default:
        db.session.execute(
            delete(NotificationSetting).where(
                NotificationSetting.user_id == user.id, NotificationSetting.kind == kind
            )
        )
    else:
        # An upsert: two saves at once (a double click, a mail program's one-click
        # unsubscribe beside the page's button) must not collide on the key.
        upsert(
            NotificationSetting.__table__,
            ("user_id", "kind"),
            user_id=user.id,
            kind=kind,
            delivery=delivery,
        )
    if delivery != Delivery.IMMEDIATELY:
        # Leaving a digest (or choosing never) applies to what already waits for it too;
        # choosing "immediately" leaves those in the digest they were waiting for.
        db.session.execute(
            update(Notification)
            .where(
                Notification.user_id == user.id,
                Notification.kind == kind,
                Notification.emailed_at.is_(None),
                Notification.delivery.in_(DIGESTS),
            )
            .values(delivery=delivery)
        )


def unsubscribe(user: User, scope: str) -> list[NoticeKind]:
    """Stop the e-mails a link was for: a digest (every kind in it) or one kind."""
    current = settings_of(user)
    if scope in (Delivery.DAILY, Delivery.WEEKLY):
        kinds = [kind for kind, delivery in current.items() if delivery == scope]
    else:
        kinds = [KINDS[scope]]
    update_settings(user, {kind.value: Delivery.NEVER.value for kind in kinds})
    return kinds


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        current_app.config["SECRET_KEY"], salt="cocreate.notifications.unsubscribe"
    )


def unsubscribe_token(user: User, scope: str) -> str:
    """A signed link token for leaving a digest (scope daily/weekly) or one kind."""
    return _serializer().dumps([user.id, str(scope)])


class BadUnsubscribeLink(Exception):
    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def read_unsubscribe_token(token: str) -> tuple[User, str]:
    """The account and scope of a valid token; raise BadUnsubscribeLink otherwise."""
    try:
        user_id, scope = _serializer().loads(token, max_age=UNSUBSCRIBE_MAX_AGE)
    except SignatureExpired:
        raise BadUnsubscribeLink(expired=True) from None
    except (BadSignature, ValueError, TypeError):
        raise BadUnsubscribeLink(expired=False) from None
    valid_scopes = {Delivery.DAILY.value, Delivery.WEEKLY.value, *KINDS}
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or scope not in valid_scopes:
        raise BadUnsubscribeLink(expired=False)
    return user, scope
