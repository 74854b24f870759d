"""Danish sentences about a municipal topic, drawn from the seeded random source."""

import random

from cocreate.demo.bench.layouts import PARAGRAPHS, PROPOSAL_BODIES
from cocreate.demo.bench.words import (
    COMPLAINTS,
    DISTRICTS,
    GOALS,
    GROUPS,
    STREETS,
    TOPICS,
    VERBS,
    WISHES,
    Noun,
)

EVERYTHING = tuple(noun for nouns in TOPICS.values() for noun in nouns)
NUMBERS = ("tre", "fire", "fem", "seks", "ti", "tyve", "30", "50")
CITIZEN_OPENINGS = (
    "Godt forslag!", "Helt enig.", "Jeg støtter forslaget.", "Det har vi ventet længe på.",
    "Tak for et godt initiativ.", "Jeg er ikke helt overbevist.", "Enig, men tænk bredere.",
)  # fmt: skip
REPLY_OPENINGS = ("Tak for input.", "Godt spørgsmål.", "Det er jeg enig i.", "Det tror jeg ikke.")


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Phrasebook:
    """Titles, bodies, comments and answers; early words in each list come up most."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._random = rng.random
        self._proposal_sentences = (
            self._suggest, self._state, self._missing, self._users, self._who_gains,
            self._long_wished, self._evening, self._volunteers, self._goal, self._far_away,
            self._last_renewed, self._difference,
        )  # fmt: skip

    def pick(self, items):
        """An item, early ones far more often than late ones."""
        return items[int(len(items) * self._random() ** 3)]

    def choice(self, items):
        """An item, each as likely as the others."""
        return self._rng.choice(items)

    def thing(self, topic: tuple[Noun, ...]) -> Noun:
        """Mostly a noun of the topic, now and then one from elsewhere."""
        return self.pick(topic if self._random() < 0.85 else EVERYTHING)

    def focus(self, topic: tuple[Noun, ...]) -> tuple[Noun, ...]:
        """One proposal's topic: its main thing first, so that its texts keep returning to it."""
        main = self.thing(topic)
        return (main, main, main, *topic)

    def place(self) -> str:
        if self._random() < 0.6:
            return f"{self.choice(('ved', 'på', 'langs'))} {self.pick(STREETS)}"
        return f"i {self.pick(DISTRICTS)}"

    def _some(self, noun: Noun, article: bool = True) -> str:
        """The noun with a wish: en ny cykelsti, et trygt fortov, nye bænke."""
        wish = self.pick(WISHES)
        if self._random() < 0.4:
            return f"{wish.plural} {noun.plural}"
        wished = f"{wish.agreeing(noun, False)} {noun.indefinite}"
        return f"{noun.article} {wished}" if article else wished

    def _suggest(self, n: Noun) -> str:
        verb = self.pick(VERBS)
        return f"Jeg foreslår, at kommunen {verb.present} {n.definite} {self.place()}."

    def _state(self, n: Noun) -> str:
        complaint, verb = self.pick(COMPLAINTS), self.pick(VERBS)
        return (
            f"{capital(n.definite)} {self.place()} er {complaint.agreeing(n, False)} "
            f"og trænger til at blive {verb.participle}."
        )

    def _missing(self, n: Noun) -> str:
        return f"Der mangler {n.plural} {self.place()}."

    def _users(self, n: Noun) -> str:
        return f"Mange {self.pick(GROUPS)} bruger {n.definite} hver dag."

    def _who_gains(self, n: Noun) -> str:
        first, second = self.pick(GROUPS), self.pick(GROUPS)
        if second == first:
            second = "deres familier"
        return f"Især {first} og {second} vil få glæde af {self._some(n)}."

    def _long_wished(self, n: Noun) -> str:
        return f"{capital(self.pick(GROUPS))} har længe ønsket sig {self._some(n)} {self.place()}."

    def _evening(self, n: Noun) -> str:
        complaint = self.pick(COMPLAINTS)
        return f"Om aftenen er {n.definite_plural} {self.place()} {complaint.plural}."

    def _volunteers(self, n: Noun) -> str:
        number, verb = self.choice(NUMBERS), self.pick(VERBS)
        return f"Vi er {number} naboer, der gerne vil hjælpe med at {verb.infinitive} {n.definite}."

    def _goal(self, n: Noun) -> str:
        return f"Forslaget passer godt med kommunens mål om {self.pick(GOALS)}."

    def _far_away(self, n: Noun) -> str:
        group, district = self.pick(GROUPS), self.pick(DISTRICTS)
        return f"I dag skal {group} helt til {district} for at finde {self._some(n)}."

    def _last_renewed(self, n: Noun) -> str:
        verb = self.pick(VERBS)
        return f"{capital(n.definite_plural)} blev sidst {verb.participle} for mange år siden."

    def _difference(self, n: Noun) -> str:
        wish = self.pick(WISHES)
        return (
            f"Det vil gøre en stor forskel for {self.pick(GROUPS)}, hvis {n.definite} "
            f"bliver {wish.agreeing(n, False)}."
        )

    def sentence(self, topic) -> str:
        return self.choice(self._proposal_sentences)(self.thing(topic))

    def paragraph(self, topic, least: int = 2, most: int = 4) -> str:
        return " ".join(self.sentence(topic) for _ in range(self._rng.randint(least, most)))

    def title(self, topic) -> str:
        n, choice = self.thing(topic), self._rng.randrange(5)
        if choice == 0:
            return f"{capital(self._some(n, article=False))} {self.place()}"
        if choice == 1:
            return f"{capital(n.definite)} {self.place()} skal {self.pick(VERBS).passive}"
        if choice == 2:
            return f"Lad os {self.pick(VERBS).infinitive} {n.definite_plural} {self.place()}"
        if choice == 3:
            return f"Flere {n.plural} til {self.pick(GROUPS)}"
        return f"{capital(self.pick(GROUPS))} mangler {self._some(n)} {self.place()}"

    def summary(self, topic) -> str:
        return self.paragraph(topic, 1, 2)

    def body(self, topic) -> tuple[str, str]:
        """A proposal's body as Markdown and HTML: paragraphs, a heading or a list."""
        layout = self._rng.randrange(len(PROPOSAL_BODIES))
        if layout == 2:
            items = [f"{self._some(self.thing(topic))} {self.place()}" for _ in range(3)]
            return PROPOSAL_BODIES.fill(2, [self.paragraph(topic), *items, self.paragraph(topic)])
        slots = 2 if layout == 0 else 3
        return PROPOSAL_BODIES.fill(layout, [self.paragraph(topic) for _ in range(slots)])

    def _paragraphs(self, first: str, topic) -> tuple[str, str]:
        if self._random() < 0.2:
            return PARAGRAPHS.fill(1, [first, self.paragraph(topic, 1, 3)])
        return PARAGRAPHS.fill(0, [first])

    def comment(self, topic) -> tuple[str, str]:
        opening = self.choice(CITIZEN_OPENINGS)
        return self._paragraphs(f"{opening} {self.sentence(topic)}", topic)

    def reply(self, topic) -> tuple[str, str]:
        return PARAGRAPHS.fill(0, [f"{self.choice(REPLY_OPENINGS)} {self.sentence(topic)}"])
