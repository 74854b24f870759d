"""Forms for accounts: registering, logging in, passwords, profile, and naming an account."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length

from cocreate.accounts.services import PASSWORD_MIN
from cocreate.core.forms import options, required

NAME_MAX = 120
EMAIL_MAX = 254
# Long enough for any passphrase, short enough that hashing it costs nothing.
PASSWORD_MAX = 200
# Each language by its own name, the way a reader of it looks for it: never translated.
LANGUAGES = [("da", "Dansk"), ("en", "English")]


def _email_field(label=None):
    return EmailField(
        label or _l("E-mailadresse"),
        validators=[
            DataRequired(_l("Skriv din e-mailadresse.")),
            Length(max=EMAIL_MAX, message=_l("E-mailadressen må højst være %(max)d tegn.")),
            Email(_l("Skriv en gyldig e-mailadresse, fx navn@example.dk.")),
        ],
    )


def _name_field():
    return StringField(
        _l("Navn"),
        validators=[
            DataRequired(_l("Skriv dit navn.")),
            Length(max=NAME_MAX, message=_l("Navnet må højst være %(max)d tegn.")),
        ],
        description=_l("Vises sammen med dine forslag og kommentarer."),
    )


def _new_password_field(label=None):
    return PasswordField(
        label or _l("Adgangskode"),
        validators=[
            DataRequired(_l("Vælg en adgangskode.")),
            Length(
                min=PASSWORD_MIN,
                max=PASSWORD_MAX,
                message=_l("Adgangskoden skal være mellem %(min)d og %(max)d tegn."),
            ),
        ],
        description=_l(
            "Mindst %(min)d tegn. En sætning, du kan huske, er et godt valg.", min=PASSWORD_MIN
        ),
    )


def _password_confirm_field():
    return PasswordField(
        _l("Gentag adgangskoden"),
        validators=[
            DataRequired(_l("Skriv adgangskoden igen.")),
            EqualTo("password", _l("De to adgangskoder er ikke ens.")),
        ],
    )


class RegisterForm(FlaskForm):
    name = _name_field()
    email = _email_field()
    password = _new_password_field()
    password_confirm = _password_confirm_field()
    accept_terms = BooleanField(
        _l("Jeg har læst og accepterer vilkårene for brug og privatliv"),
        validators=[DataRequired(_l("Du skal acceptere vilkårene for at oprette en konto."))],
    )
    submit = SubmitField(_l("Opret konto"))


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(
        _l("Adgangskode"), validators=[DataRequired(_l("Skriv din adgangskode."))]
    )
    submit = SubmitField(_l("Log ind"))


class EmailForm(FlaskForm):
    """Just an e-mail address: for a new confirmation link or a password reset link."""

    email = _email_field()
    submit = SubmitField(_l("Send link"))


class ResetPasswordForm(FlaskForm):
    password = _new_password_field(_l("Ny adgangskode"))
    password_confirm = _password_confirm_field()
    submit = SubmitField(_l("Gem ny adgangskode"))


class ProfileForm(FlaskForm):
    name = _name_field()
    language = RadioField(
        _l("Sprog"),
        choices=options(LANGUAGES),
        validators=[DataRequired(_l("Vælg et sprog."))],
        invalid_choice_message=_l("Vælg dansk eller engelsk."),
        description=_l("Sproget på siderne og i de e-mails, du får fra os."),
    )
    show_name_in_open_data = BooleanField(
        _l("Vis mit navn i kommunens åbne data"),
        description=_l(
            "Dine forslag står altid med dit navn her på siden. I de åbne data, som alle kan "
            "hente, står dit navn kun, hvis du sætter flueben her. Din e-mail står der aldrig."
        ),
    )
    submit = SubmitField(_l("Gem profil"))


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Nuværende adgangskode"),
        validators=[DataRequired(_l("Skriv din nuværende adgangskode."))],
    )
    password = _new_password_field(_l("Ny adgangskode"))
    password_confirm = _password_confirm_field()
    submit = SubmitField(_l("Skift adgangskode"))


class AccountEmailForm(FlaskForm):
    """The e-mail address of another existing account: a new member or a co-author."""

    email = StringField(
        _l("E-mailadresse"),
        validators=required(_l("Skriv e-mailadressen på kontoen."), EMAIL_MAX),
        description=_l("Personen skal have en konto her med denne e-mailadresse."),
    )
