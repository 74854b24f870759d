"""Per-kind choices: defaults, changes, refusals, and leaving by the link in a mail."""

import pytest
from sqlalchemy import select

from cocreate.core.errors import ValidationFailed
from cocreate.core.once import upsert
from cocreate.core.schedule import start_due_periods
from cocreate.core.types import utcnow
from cocreate.departments.notices import FINAL_ANSWER
from cocreate.extensions import db
from cocreate.notifications import preferences
from cocreate.notifications.kinds import Delivery
from cocreate.notifications.models import Notification, NotificationSetting
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.notices import NEW_COMMENT, THEME_PROPOSAL


def test_defaults_send_answers_at_once_and_comments_in_a_digest(make_user):
    settings = preferences.settings_of(make_user())
    assert settings[FINAL_ANSWER] == Delivery.IMMEDIATELY
    assert settings[NEW_COMMENT] == Delivery.DAILY
    assert settings[THEME_PROPOSAL] == Delivery.WEEKLY


def test_a_choice_is_kept_and_the_default_needs_no_row(make_user):
    user = make_user()
    preferences.update_settings(user, {"final_answer": "weekly", "new_comment": "daily"})
    db.session.commit()
    assert preferences.settings_of(user)[FINAL_ANSWER] == Delivery.WEEKLY
    rows = db.session.scalars(select(NotificationSetting.kind)).all()
    assert rows == [FINAL_ANSWER]


@pytest.mark.parametrize(
    "choices", [{"final_answer": "hourly"}, {"no_such_kind": "daily"}, {"final_answer": ""}]
)
def test_a_setting_that_does_not_exist_is_refused_and_changes_nothing(make_user, choices):
    user = make_user()
    preferences.update_settings(user, {"new_comment": "never"})
    db.session.commit()
    with pytest.raises(ValidationFailed) as refused:
        preferences.update_settings(user, {"new_comment": "weekly", **choices})
    assert set(refused.value.fields) == set(choices)
    db.session.rollback()
    assert preferences.settings_of(user)[NEW_COMMENT] == Delivery.NEVER


def test_never_means_no_notification_at_all(make_user, make_proposal, outbox):
    author = make_user()
    preferences.update_settings(author, {"proposal_received": "never"})
    db.session.commit()
    make_proposal(author=author)
    assert db.session.scalars(select(Notification)).all() == []
    assert outbox() == []


def test_unsubscribing_from_a_digest_stops_every_kind_in_it(make_user):
    user = make_user()
    preferences.update_settings(user, {"final_answer": "daily"})
    changed = preferences.unsubscribe(user, "daily")
    db.session.commit()
    assert set(changed) == {FINAL_ANSWER, NEW_COMMENT}
    settings = preferences.settings_of(user)
    assert settings[FINAL_ANSWER] == settings[NEW_COMMENT] == Delivery.NEVER
    assert settings[THEME_PROPOSAL] == Delivery.WEEKLY


def test_unsubscribe_tokens_name_account_and_scope(make_user):
    user = make_user()
    token = preferences.unsubscribe_token(user, "weekly")
    assert preferences.read_unsubscribe_token(token) == (user, "weekly")
    with pytest.raises(preferences.BadUnsubscribeLink) as bad:
        preferences.read_unsubscribe_token(token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert not bad.value.expired


def test_an_old_token_has_expired(make_user, monkeypatch):
    token = preferences.unsubscribe_token(make_user(), "daily")
    monkeypatch.setattr(preferences, "UNSUBSCRIBE_MAX_AGE", -1)
    with pytest.raises(preferences.BadUnsubscribeLink) as bad:
        preferences.read_unsubscribe_token(token)
    assert bad.value.expired


def test_fan_out_respects_each_recipients_choice(make_user, make_proposal, outbox):
    author = make_user()
    preferences.update_settings(author, {"proposal_received": "weekly"})
    db.session.commit()
    make_proposal(ProposalStatus.SUBMITTED, author=author)
    (notification,) = db.session.scalars(select(Notification)).all()
    assert notification.delivery == Delivery.WEEKLY and notification.emailed_at is None
    assert outbox() == []


def test_leaving_a_digest_also_stops_what_already_waits_for_it(make_user, make_proposal, outbox):
    author = make_user()
    preferences.update_settings(author, {"proposal_received": "daily"})
    db.session.commit()
    make_proposal(author=author)
    preferences.unsubscribe(author, "daily")
    db.session.commit()
    (waiting,) = db.session.scalars(select(Notification)).all()
    assert waiting.delivery == Delivery.NEVER  # still under the bell, never mailed
    start_due_periods(utcnow().replace(hour=12))  # the daily digest's time has come
    assert outbox() == []


def test_a_choice_saved_twice_in_a_row_is_one_row(make_user):
    user = make_user()
    for _ in range(2):
        upsert(
            NotificationSetting.__table__,
            ("user_id", "kind"),
            user_id=user.id,
            kind=NEW_COMMENT,
            delivery=Delivery.WEEKLY,
        )
    db.session.commit()
    assert preferences.settings_of(user)[NEW_COMMENT] == Delivery.WEEKLY
    assert len(db.session.scalars(select(NotificationSetting)).all()) == 1


def test_the_settings_page_lists_the_kinds_in_the_order_things_happen(make_user):
    from cocreate.notifications.kinds import groups_for

    staff = make_user("department_staff", "panel_member")
    assert [[kind.value for kind in kinds] for _group, kinds in groups_for(staff)] == [
        [
            "proposal_received",
            "proposal_approved",
            "changes_requested",
            "proposal_rejected",
            "proposal_transferred",
            "coauthor_invitation",
            "organisation_verified",
        ],
        [
            "proposal_acknowledged",
            "preliminary_answer",
            "final_answer",
            "progress_update",
            "milestone_done",
            "proposal_implemented",
            "new_comment",
            "theme_proposal",
            "call_opened",
            "call_closing",
            "call_closed",
            "call_answered",
        ],
        ["proposal_routed", "sla_due_soon", "sla_overdue", "sla_escalated"],
        ["panel_request", "panel_reminder"],
    ]
    assert [len(kinds) for _group, kinds in groups_for(make_user())] == [7, 12]
