"""The strategies and their themes, and following a theme (pages under /themes)."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from cocreate.accounts.views import safe_next
from cocreate.core.views import perform, tell_change
from cocreate.extensions import db
from cocreate.proposals import follows
from cocreate.proposals.permissions import can_follow_theme
from cocreate.proposals.views import bp
from cocreate.strategy.models import Theme
from cocreate.strategy.queries import all_strategies


@bp.get("/themes")
def themes():
    return render_template(
        "proposals/themes.html",
        strategies=all_strategies(),
        can_follow=can_follow_theme(current_user),
        followed=follows.followed_theme_ids(current_user),
    )


def _theme_or_404(slug: str) -> Theme:
    theme = db.session.scalar(select(Theme).where(Theme.slug == slug))
    if theme is None:
        abort(404)
    return theme


def _back_to(theme: Theme):
    target = safe_next(request.form.get("next"))
    return redirect(target or url_for("proposals.themes", _anchor=f"theme-{theme.id}"))


@bp.post("/themes/<slug>/follow")
@login_required
def follow_theme(slug: str):
    theme = _theme_or_404(slug)
    done, added = perform(lambda: follows.follow_theme(theme, current_user))
    tell_change(
        done,
        added,
        _("Du følger nu temaet %(title)s.", title=theme.title),
        _("Du følger allerede temaet %(title)s.", title=theme.title),
    )
    return _back_to(theme)


@bp.post("/themes/<slug>/unfollow")
@login_required
def unfollow_theme(slug: str):
    theme = _theme_or_404(slug)
    done, removed = perform(lambda: follows.unfollow_theme(theme, current_user))
    tell_change(
        done,
        removed,
        _("Du følger ikke længere temaet %(title)s.", title=theme.title),
        _("Du fulgte ikke temaet %(title)s.", title=theme.title),
    )
    return _back_to(theme)
