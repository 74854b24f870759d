"""Registering, confirming, logging in and out, resetting passwords, profile and terms."""

from functools import cache
from secrets import token_hex
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from cocreate.accounts import services
from cocreate.accounts.forms import (
    ChangePasswordForm,
    EmailForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResetPasswordForm,
)
from cocreate.accounts.mail import CONFIRM, LINKS, RESET, queue_link
from cocreate.accounts.models import User
from cocreate.accounts.tokens import CONFIRM_MAX_AGE, RESET_MAX_AGE, read_token
from cocreate.core.views import perform
from cocreate.extensions import LANGUAGE_COOKIE, db, limiter

bp = Blueprint("accounts", __name__)

# Guessing passwords or flooding mailboxes takes many POSTs; reading the forms does not.
POST_LIMIT = "10/minute"


def safe_next(target: str | None) -> str | None:
    """Return target if it is a path on this site, else None (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    # Browsers drop tabs and newlines and read "\" as "/", which would make "//evil".
    if "\\" in target or any(ord(char) < 32 or ord(char) == 127 for char in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


@cache
def _unknown_account_hash() -> str:
    return generate_password_hash(token_hex(16))


def _authenticate(email: str, password: str) -> User | None:
    """The account with this e-mail and password, or None, taking the same time either way."""
    user = services.find_user_by_email(email)
    if user is None:
        check_password_hash(_unknown_account_hash(), password)
        return None
    return user if user.check_password(password) else None


def _user_from_link(purpose: str, token: str) -> User | None:
    """The account a valid, unused, unexpired link was made for."""
    found = read_token(purpose, token, LINKS[purpose][1])
    if found is None:
        return None
    user = db.session.get(User, found[0])
    if user is None or user.session_version != found[1] or not user.is_active_account:
        return None
    return user


def _invalid_link(purpose: str):
    return render_template("accounts/invalid_link.html", purpose=purpose), 400


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(POST_LIMIT, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.profile"))
    form = RegisterForm()
    if form.validate_on_submit():
        done, _user = perform(
            lambda: services.register_account(
                name=form.name.data,
                email=form.email.data,
                password=form.password.data,
                language=str(get_locale() or "da"),
            ),
            form,
        )
        if done:
            return redirect(url_for("accounts.check_mail", reason="registered"))
    return render_template("accounts/register.html", form=form)


@bp.get("/check-mail/<any(registered, confirm, reset):reason>")
def check_mail(reason: str):
    return render_template(
        "accounts/check_mail.html",
        reason=reason,
        confirm_days=CONFIRM_MAX_AGE // (24 * 3600),
        reset_hours=RESET_MAX_AGE // 3600,
    )


@bp.get("/confirm/<token>")
def confirm(token: str):
    user = _user_from_link(CONFIRM, token)
    if user is None:
        return _invalid_link(CONFIRM)
    if user.confirmed_at is None and perform(lambda: services.confirm_account(user))[0]:
        flash(_("Tak! Din e-mailadresse er bekræftet. Nu kan du logge ind."), "success")
    else:
        flash(_("Din e-mailadresse er allerede bekræftet. Du kan logge ind."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/confirm/resend", methods=["GET", "POST"])
@limiter.limit(POST_LIMIT, methods=["POST"])
def resend_confirmation():
    form = EmailForm()
    if form.validate_on_submit():
        user = services.find_user_by_email(form.email.data)
        # Same answer whether or not the account exists, so the page reveals nothing.
        if user is not None and user.confirmed_at is None and user.is_active_account:
            queue_link(user, CONFIRM)
            db.session.commit()
        return redirect(url_for("accounts.check_mail", reason="confirm"))
    return render_template("accounts/resend_confirmation.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(POST_LIMIT, methods=["POST"])
def login():
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or url_for("proposals.home"))
    form = LoginForm()
    refusal = None
    if form.validate_on_submit():
        user = _authenticate(form.email.data, form.password.data)
        if user is None:
            refusal = "wrong"
        elif not user.is_active_account:
            refusal = "closed"
        elif user.confirmed_at is None:
            refusal = "unconfirmed"
        else:
            login_user(user)
            flash(_("Du er logget ind."), "success")
            return redirect(next_url or url_for("proposals.home"))
    return render_template("accounts/login.html", form=form, next_url=next_url, refusal=refusal)


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("Du er logget ud."), "success")
    return redirect(url_for("proposals.home"))


@bp.route("/reset-password", methods=["GET", "POST"])
@limiter.limit(POST_LIMIT, methods=["POST"])
def reset_request():
    form = EmailForm()
    if form.validate_on_submit():
        user = services.find_user_by_email(form.email.data)
        # Same answer whether or not the account exists, so the page reveals nothing.
        if user is not None and user.is_active_account:
            queue_link(user, RESET)
            db.session.commit()
        return redirect(url_for("accounts.check_mail", reason="reset"))
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit(POST_LIMIT, methods=["POST"])
def reset_password(token: str):
    user = _user_from_link(RESET, token)
    if user is None:
        return _invalid_link(RESET)
    form = ResetPasswordForm()
    if form.validate_on_submit():

        def reset():
            # The new session version voids this link and logs out every session.
            services.change_password(user, form.password.data)
            # Following a link sent to the address proves that the address is theirs.
            services.confirm_account(user)

        if perform(reset, form)[0]:
            flash(_("Din adgangskode er skiftet. Log ind med den nye."), "success")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form, token=token)


def _formdata(prefix: str):
    """The posted fields if this form (of several on the page) was the one submitted."""
    return request.form if f"{prefix}-submit" in request.form else None


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    user = current_user._get_current_object()
    profile_form = ProfileForm(prefix="profile", obj=user, formdata=_formdata("profile"))
    password_form = ChangePasswordForm(prefix="password", formdata=_formdata("password"))
    if profile_form.submit.data and profile_form.validate():
        saved, _result = perform(
            lambda: services.update_profile(
                user,
                name=profile_form.name.data,
                language=profile_form.language.data,
                show_name_in_open_data=profile_form.show_name_in_open_data.data,
            ),
            profile_form,
        )
        if saved:
            with force_locale(user.language):
                flash(_("Din profil er gemt."), "success")
            return redirect(url_for("accounts.profile"))
    elif password_form.submit.data and password_form.validate():
        changed, _result = perform(
            lambda: services.change_own_password(
                user,
                current_password=password_form.current_password.data,
                new_password=password_form.password.data,
            ),
            password_form,
        )
        if changed:
            # The session version moved on: renew this session, the others have ended.
            login_user(user, fresh=True)
            flash(_("Din adgangskode er skiftet. Du er logget ud alle andre steder."), "success")
            return redirect(url_for("accounts.profile"))
    return render_template(
        "accounts/profile.html", profile_form=profile_form, password_form=password_form
    )


@bp.post("/language")
def choose_language():
    """The language switcher in the header: remembered in a cookie, and on the account."""
    language, back = request.form.get("language", ""), safe_next(request.form.get("next"))
    response = redirect(back or url_for("proposals.home"))
    if language not in current_app.config["LANGUAGES"]:
        flash(_("Det sprog findes ikke her. Vælg dansk eller engelsk."), "error")
        return response
    if current_user.is_authenticated:
        perform(lambda: services.update_language(current_user, language))
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=365 * 24 * 3600,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.get("/terms")
def terms():
    return render_template("accounts/terms.html")
