"""The bell, the list, marking read, the settings page and the unsubscribe link."""

import re

import pytest
from sqlalchemy import select

from cocreate.departments.notices import FINAL_ANSWER
from cocreate.extensions import db
from cocreate.notifications import preferences
from cocreate.notifications.kinds import Delivery
from cocreate.notifications.models import Notification, NotificationSetting
from cocreate.proposals.notices import NEW_COMMENT


def test_the_bell_shows_the_unread_count(client, login, make_user, make_proposal):
    author = make_user()
    make_proposal(author=author)
    login(author)
    page = client.get("/proposals").get_data(as_text=True)
    assert re.search(
        r'href="/notifications"[^>]*>.*?Beskeder.*?>1<span class="sr-only"> ulæst</span><',
        page,
        re.S,
    )


def test_the_list_shows_the_headline_with_a_link(client, login, make_user, make_proposal):
    author = make_user()
    make_proposal(author=author)
    (notification,) = db.session.scalars(select(Notification)).all()
    login(author)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Vi har modtaget dit forslag" in page
    assert f'href="/notifications/{notification.id}"' in page
    assert "<script>" not in page


def test_marking_one_and_all_read(client, login, make_user, make_proposal):
    author = make_user()
    make_proposal(author=author)
    make_proposal(author=author)
    login(author)
    first, second = db.session.scalars(select(Notification).order_by(Notification.id)).all()
    response = client.post(f"/notifications/{first.id}/read")
    assert response.status_code == 302
    db.session.refresh(first)
    db.session.refresh(second)
    assert first.read_at is not None and second.read_at is None
    client.post("/notifications/read")
    db.session.refresh(second)
    assert second.read_at is not None


@pytest.mark.parametrize(("method", "suffix"), [("post", "/read"), ("get", "")])
def test_someone_elses_notification_is_not_found(
    client, login, make_user, make_proposal, method, suffix
):
    make_proposal(author=make_user())
    (notification,) = db.session.scalars(select(Notification)).all()
    login(make_user())
    response = client.open(f"/notifications/{notification.id}{suffix}", method=method.upper())
    assert response.status_code == 404
    db.session.refresh(notification)
    assert notification.read_at is None


def test_the_pages_need_a_login(client):
    assert client.get("/notifications").status_code == 302
    assert client.get("/notifications/settings").status_code == 302


def test_settings_are_saved_and_a_made_up_choice_is_refused(client, login, make_user):
    user = make_user()
    login(user)
    page = client.get("/notifications/settings").get_data(as_text=True)
    assert 'name="final_answer"' in page and 'name="sla_overdue"' not in page  # not staff
    response = client.post("/notifications/settings", data={"final_answer": "daily"})
    assert response.status_code == 302
    assert preferences.settings_of(user)[FINAL_ANSWER] == Delivery.DAILY
    response = client.post(
        "/notifications/settings", data={"final_answer": "hourly", "new_comment": "never"}
    )
    assert response.status_code == 200
    assert "Vælg en af mulighederne." in response.get_data(as_text=True)
    db.session.expire_all()
    assert preferences.settings_of(user)[FINAL_ANSWER] == Delivery.DAILY
    assert preferences.settings_of(user)[NEW_COMMENT] == Delivery.DAILY


def test_unsubscribe_link_asks_then_works_without_login(client, make_user):
    user = make_user()
    token = preferences.unsubscribe_token(user, "daily")
    page = client.get(f"/notifications/unsubscribe/{token}")
    assert page.status_code == 200 and "det daglige overblik" in page.get_data(as_text=True)
    assert db.session.scalars(select(NotificationSetting)).all() == []  # a GET changes nothing
    # A mail program's one-click unsubscribe: a POST without any CSRF token.
    done = client.post(
        f"/notifications/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"}
    )
    assert done.status_code == 200
    assert preferences.settings_of(user)[NEW_COMMENT] == Delivery.NEVER


def test_a_tampered_or_expired_unsubscribe_link_is_refused(client, make_user, monkeypatch):
    user = make_user()
    token = preferences.unsubscribe_token(user, "daily")
    tampered = client.post(f"/notifications/unsubscribe/{token}x")
    assert tampered.status_code == 400 and "Linket er ugyldigt" in tampered.get_data(as_text=True)
    monkeypatch.setattr(preferences, "UNSUBSCRIBE_MAX_AGE", -1)
    expired = client.post(f"/notifications/unsubscribe/{token}")
    assert expired.status_code == 400 and "Linket er udløbet" in expired.get_data(as_text=True)
    assert db.session.scalars(select(NotificationSetting)).all() == []


def test_following_a_notifications_link_marks_it_read(client, login, make_user, make_proposal):
    author = make_user()
    proposal = make_proposal(author=author)
    (notification,) = db.session.scalars(select(Notification)).all()
    login(author)
    response = client.get(f"/notifications/{notification.id}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/proposals/{proposal.id}"
    db.session.refresh(notification)
    assert notification.read_at is not None
