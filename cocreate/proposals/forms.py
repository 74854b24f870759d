"""Forms for writing a proposal."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Optional

from cocreate.accounts.organisations import organisations_of
from cocreate.calls.models import Call
from cocreate.core.forms import CheckboxListField, choice_messages, optional_id, options, required
from cocreate.extensions import db
from cocreate.proposals.calls import open_calls
from cocreate.proposals.models import BODY_MAX, SUMMARY_MAX, TITLE_MAX
from cocreate.strategy.forms import theme_groups


def organisation_choices(actor, current=None) -> list[tuple[object, str]]:
    """The actor themself, then each organisation they act for, unverified ones marked.

    The proposal's current organisation is kept among the choices, so that an edit by a
    co-author who is not a member leaves it as it is.
    """
    organisations = organisations_of(actor) if actor is not None else []
    if current is not None and current not in organisations:
        organisations.append(current)
    choices: list[tuple[object, str]] = [("", str(_l("Mig selv")))]
    for organisation in organisations:
        if organisation.is_verified:
            label = _l("%(name)s (%(kind)s)", name=organisation.name, kind=organisation.kind.label)
        else:
            label = _l(
                "%(name)s (%(kind)s, ikke verificeret)",
                name=organisation.name,
                kind=organisation.kind.label,
            )
        choices.append((organisation.id, str(label)))
    return choices


class ProposalForm(FlaskForm):
    title = StringField(
        _l("Titel"),
        validators=required(_l("Skriv en titel."), TITLE_MAX),
        description=_l("Kort og præcist, højst %(max)d tegn.", max=TITLE_MAX),
    )
    summary = TextAreaField(
        _l("Resumé"),
        validators=required(_l("Skriv et kort resumé."), SUMMARY_MAX),
        description=_l(
            "Et eller to afsnit, der forklarer idéen. Højst %(max)d tegn.", max=SUMMARY_MAX
        ),
    )
    body = TextAreaField(
        _l("Beskrivelse"),
        validators=required(_l("Beskriv forslaget."), BODY_MAX),
        description=_l(
            "Baggrund, idé og hvem der har gavn af den. Du kan bruge Markdown: "
            "**fed**, *kursiv*, lister og links."
        ),
    )
    main_theme_id = SelectField(
        _l("Hovedtema"),
        coerce=optional_id,
        validators=[Optional()],
        **choice_messages(),
        description=_l(
            "Hovedtemaet afgør, hvilken forvaltning der får forslaget og svarer på det."
        ),
    )
    theme_ids = CheckboxListField(
        _l("Temaer"),
        coerce=int,
        **choice_messages(),
        description=_l("Vælg hovedtemaet og de andre temaer, forslaget handler om."),
    )
    organisation_id = SelectField(
        _l("Stil forslaget som"),
        coerce=optional_id,
        **choice_messages(),
        description=_l(
            "Du kan stille forslaget på vegne af en forening eller virksomhed, du er medlem af."
        ),
    )
    call_id = SelectField(
        _l("Indkaldelse"),
        coerce=optional_id,
        **choice_messages(),
        description=_l(
            "Sender du forslaget som svar på en af kommunens åbne indkaldelser, får det "
            "indkaldelsens temaer, hvis du ikke vælger andre."
        ),
    )
    save_draft = SubmitField(_l("Gem som kladde"))
    submit = SubmitField(_l("Send til moderation"))
    # Shows the proposal as it will read, above the form, and saves nothing.
    preview = SubmitField(_l("Forhåndsvis"))

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_groups = theme_groups()
        every_theme = [choice for _, group in self.theme_groups for choice in group]
        self.theme_ids.choices = options(every_theme)
        self.main_theme_id.choices = options([("", _l("Vælg hovedtema")), *every_theme])
        proposal = kwargs.get("obj")
        self.organisation_id.choices = options(
            organisation_choices(actor, proposal.organisation if proposal is not None else None)
        )
        calls = open_calls()
        if proposal is not None and proposal.call is not None and proposal.call not in calls:
            calls.append(proposal.call)
        self.call_id.choices = options(
            [
                ("", _l("Ingen – et forslag uden for indkaldelserne")),
                *((c.id, c.title) for c in calls),
            ]
        )

    def choose_call(self, call_id) -> None:
        """Start the form on a call (from its page): the call, and its themes, chosen."""
        calls = {choice.value: choice for choice in self.call_id.choices}
        if call_id not in calls or not call_id:
            return
        self.call_id.data = call_id
        theme_ids = db.session.get(Call, call_id).theme_ids
        self.theme_ids.data = theme_ids
        self.main_theme_id.data = theme_ids[0] if theme_ids else None

    def chosen_theme_ids(self) -> list[int]:
        """The main theme first (it decides the department), then the others chosen."""
        main, others = self.main_theme_id.data, list(self.theme_ids.data or [])
        if main is None:
            return others
        return [main, *(theme for theme in others if theme != main)]

    def content(self) -> dict:
        """The validated fields as the services take them."""
        return {
            "title": self.title.data,
            "summary": self.summary.data,
            "body": self.body.data,
            "theme_ids": self.chosen_theme_ids(),
            "organisation_id": self.organisation_id.data,
            "call_id": self.call_id.data,
        }
