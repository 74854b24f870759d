"""What staff, moderators and panel members write: answers, notes, reasons and reviews."""

from cocreate.demo.bench.layouts import PARAGRAPHS
from cocreate.demo.bench.phrases import Phrasebook, capital
from cocreate.demo.bench.words import GOALS, GROUPS, VERBS, WHEN
from cocreate.moderation.models import RejectionReason
from cocreate.proposals.models import Outcome

DECLINED_BECAUSE = (
    "der ikke er afsat penge til det i budgettet", "arealet ikke ejes af kommunen",
    "det strider mod lokalplanen for området", "kommunen allerede har planlagt en anden løsning",
    "det ville gå ud over andre borgeres sikkerhed",
)  # fmt: skip
THANKS = (
    "Tak til alle, der har støttet og kommenteret forslaget.",
    "Tak for et godt og gennemarbejdet forslag.",
    "Vi fortæller her på siden, når arbejdet går i gang.",
    "Kontakt gerne forvaltningen, hvis I vil være med i arbejdet.",
)
CHANGES_WANTED = (
    "Fjern venligst navne på privatpersoner fra forslaget.",
    "Beskriv kort, hvad kommunen konkret skal gøre.",
    "Del forslaget op, så hvert forslag handler om én ting.",
    "Skriv gerne, hvem der vil have glæde af forslaget.",
)
REJECTED_BECAUSE = {
    RejectionReason.SPAM: "Forslaget er reklame for en virksomhed.",
    RejectionReason.OFFENSIVE: "Forslaget indeholder krænkende udtryk om en gruppe borgere.",
    RejectionReason.PERSONAL_DATA: "Forslaget nævner navngivne privatpersoner og deres adresser.",
    RejectionReason.OTHER: "Teksten er ikke et forslag til kommunen.",
}
WITHDRAWN_BECAUSE = (
    "",
    "Vi har fundet en løsning sammen med naboerne.",
    "Forslaget er ikke længere aktuelt.",
    "Jeg stiller et nyt og mere præcist forslag.",
)


def answer(book: Phrasebook, topic, outcome: Outcome, preliminary: bool) -> tuple[str, str]:
    """A department's answer as Markdown and HTML; a preliminary one invites comments."""
    noun, verb, when, where = book.thing(topic), book.pick(VERBS), book.choice(WHEN), book.place()
    if preliminary:
        first = (
            f"Vores foreløbige vurdering er, at vi kan {verb.infinitive} {noun.definite} {where} "
            f"{when}."
        )
        return PARAGRAPHS.fill(1, [first, "Kommentér gerne, inden vi giver det endelige svar."])
    if outcome == Outcome.ACCEPTED:
        first = (
            f"Forvaltningen imødekommer forslaget. {capital(noun.definite)} {where} bliver "
            f"{verb.participle} {when}."
        )
    elif outcome == Outcome.PARTIALLY_ACCEPTED:
        other = book.thing(topic)
        first = (
            f"Forvaltningen imødekommer forslaget delvist. Vi {verb.present} {noun.definite} "
            f"{where}, men der er ikke penge til {other.definite_plural} i år."
        )
    else:
        first = (
            "Forvaltningen kan desværre ikke imødekomme forslaget, fordi "
            f"{book.choice(DECLINED_BECAUSE)}."
        )
    return PARAGRAPHS.fill(1, [first, book.choice(THANKS)])


def implemented(book: Phrasebook, topic) -> tuple[str, str]:
    noun, verb = book.thing(topic), book.pick(VERBS)
    return PARAGRAPHS.fill(
        0,
        [
            f"{capital(noun.definite)} {book.place()} er nu {verb.participle}. "
            "Tak til alle, der har bidraget."
        ],
    )


def official_reply(book: Phrasebook, topic) -> tuple[str, str]:
    noun, verb = book.thing(topic), book.pick(VERBS)
    return PARAGRAPHS.fill(
        0,
        [
            f"Tak for kommentaren. Forvaltningen undersøger, om {noun.definite} {book.place()} "
            f"kan {verb.passive} {book.choice(WHEN)}, og vender tilbage her."
        ],
    )


def changes_note(book: Phrasebook, topic) -> str:
    if book.choice((True, False)):
        return book.choice(CHANGES_WANTED)
    return f"Skriv venligst mere præcist, hvor {book.thing(topic).definite} skal ligge."


def rejection_note(book: Phrasebook, topic, reason: RejectionReason) -> str:
    noun = book.thing(topic)
    if reason == RejectionReason.DUPLICATE:
        return f"Der findes allerede et forslag om {noun.definite} {book.place()}."
    if reason == RejectionReason.OUTSIDE_REMIT:
        return f"Det er ikke kommunen, der bestemmer over {noun.definite_plural} {book.place()}."
    return REJECTED_BECAUSE[reason]


def withdrawal_reason(book: Phrasebook) -> str:
    return book.choice(WITHDRAWN_BECAUSE)


def transfer_reason(book: Phrasebook, topic, department_name: str) -> str:
    noun = book.thing(topic)
    return f"Forslaget handler om {noun.definite_plural} og hører derfor under {department_name}."


def panel_comment(book: Phrasebook, topic) -> str:
    """A review's comment: plain text, one or two paragraphs."""
    first = (
        f"Forslaget har stor værdi for {book.pick(GROUPS)} og passer med målet om "
        f"{book.pick(GOALS)}."
    )
    if book.choice((True, False)):
        return first
    return f"{first}\n\n{book.sentence(topic)}"
