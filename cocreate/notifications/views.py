"""The bell's list, marking read, the settings page and unsubscribing from a mail link."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import get_or_404, perform
from cocreate.extensions import csrf, db
from cocreate.notifications import inbox, preferences
from cocreate.notifications.forms import chosen, settings_form
from cocreate.notifications.kinds import KINDS, Delivery, groups_for
from cocreate.notifications.messages import describe
from cocreate.notifications.models import Notification

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.get("")
@login_required
def index():
    page = paginate(
        inbox.notifications_of(current_user), requested_page(), current_app.config["PER_PAGE"]
    )
    items = [(notification, describe(notification)) for notification in page.items]
    return render_template("notifications/index.html", page=page, items=items)


def _own_notification(notification_id: int) -> Notification:
    notification = get_or_404(Notification, notification_id)
    if notification.user_id != current_user.id:
        abort(404)
    return notification


@bp.get("/<int:notification_id>")
@login_required
def follow_link(notification_id: int):
    """Follow a notification's link from the list: it is read once its page is opened."""
    notification = _own_notification(notification_id)
    link = notification.kind.link(notification, False)
    perform(lambda: inbox.mark_read(current_user, notification))
    return redirect(link or url_for("notifications.index"))


@bp.post("/<int:notification_id>/read")
@login_required
def read(notification_id: int):
    notification = _own_notification(notification_id)
    perform(lambda: inbox.mark_read(current_user, notification))
    return redirect(url_for("notifications.index", page=request.form.get("page", type=int)))


@bp.post("/read")
@login_required
def read_all():
    done, count = perform(lambda: inbox.mark_all_read(current_user))
    if done and count:
        flash(_("Alle beskeder er markeret som læst."), "success")
    return redirect(url_for("notifications.index"))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = settings_form(current_user, preferences.settings_of(current_user))
    if form.validate_on_submit():
        done, _result = perform(
            lambda: preferences.update_settings(current_user, chosen(form, current_user)), form
        )
        if done:
            flash(_("Dine indstillinger er gemt."), "success")
            return redirect(url_for("notifications.settings"))
    return render_template(
        "notifications/settings.html", form=form, groups=groups_for(current_user)
    )


def _scope_label(scope: str) -> str:
    if scope == Delivery.DAILY:
        return _("det daglige overblik")
    if scope == Delivery.WEEKLY:
        return _("det ugentlige overblik")
    return _("e-mails om «%(kind)s»", kind=KINDS[scope].label)


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # The signed token is the authority; mail programs POST it without a form.
def unsubscribe(token: str):
    """Leave a digest or one kind of mail by the link in it, without logging in.

    GET only asks (link scanners in mail systems follow links); POST, from the page's
    button or a mail program's one-click unsubscribe (RFC 8058), does it.
    """
    try:
        user, scope = preferences.read_unsubscribe_token(token)
    except preferences.BadUnsubscribeLink as error:
        return render_template("notifications/bad_link.html", expired=error.expired), 400
    if request.method == "POST":
        preferences.unsubscribe(user, scope)
        db.session.commit()
        return render_template("notifications/unsubscribed.html", what=_scope_label(scope))
    return render_template("notifications/unsubscribe.html", what=_scope_label(scope), token=token)
