"""How alike two proposals read.

Each proposal is made a key of its title's and summary's meaningful stems, with words of
one meaning made one (synonyms.py). A title says what is proposed, then where ("Flere
bænke | ved Sølvsøen"): two proposals are the same idea when what each title proposes is
found in the other, where they share it, and their words and letter trigrams agree. Names
(capitalised inside a sentence, as Danish writes only names) say where, never what.

Keys are plain ASCII (æ is "ae"), so pg_trgm reads every letter as a letter whatever the
database's locale, and the trigrams are the ones pg_trgm takes (each word padded with two
spaces before and one after), so the database's `%` finds the candidates this module then
scores the same way on either database.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from cocreate.proposals.search.words import fold, words
from cocreate.proposals.similar.stopwords import STOPWORDS
from cocreate.proposals.similar.synonyms import concept, term_of

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?:]\s*$")
# Words that lead from what a title proposes to where.
PLACE = "på i ved langs til om for hos fra med mellem over under uden efter mod gennem omkring"
PLACE_WORDS = frozenset(f"{PLACE} rundt nær".split())
# Words that open a title before what it proposes ("Flere bænke", "Vi mangler et fortov").
OPENING = "flere mere bedre nye ny nyt længere kortere større mindre gratis stop ingen lav sæt"
OPENING_WORDS = frozenset(
    f"{OPENING} giv lad vi jeg mangler ønsker savner skal bør et en de det den".split()
)
# A shorter stem is too common a piece of others to count as a part of a compound.
PART_MIN = 4
# What each comparison weighs (chosen on the development pairs, bench/similar.py).
WHAT_WEIGHT, SHARED_WEIGHT, TRIGRAM_WEIGHT = 0.6, 0.2, 0.2
# How much a title's "where" not found in the other proposal lowers the score.
PLACE_WEIGHT = 0.3
# How much a place named in both titles (Danish capitalises names) and not shared lowers it.
NAMED_PLACE_WEIGHT = 0.6


class Key(NamedTuple):
    """A proposal as it is compared."""

    what: tuple[str, ...]
    where: tuple[str, ...]
    title: tuple[str, ...]
    terms: tuple[str, ...]
    places: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The key as the database keeps it: the title's terms first, then the rest."""
        return " ".join(dict.fromkeys((*self.title, *self.terms)))


class _Word(NamedTuple):
    folded: str
    is_name: bool


def _read(text: str) -> list[_Word]:
    """The text's words, each folded and marked when it is a name."""
    found = []
    for match in WORD.finditer(text):
        written = match.group()
        opens_sentence = not found or bool(SENTENCE_END.search(text[: match.start()]))
        is_name = written[0].isupper() and not written.isupper() and not opens_sentence
        found.append(_Word(fold(written), is_name))
    return found


def _meaningful(word: str) -> bool:
    return word not in STOPWORDS and not word.isdigit() and len(word) > 1


def meaningful_words(text: str) -> list[str]:
    """The text's folded words that say which idea it is, each once."""
    return list(dict.fromkeys(word for word in words(text) if _meaningful(word)))


def _terms(read: list[_Word]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(concept(term_of(w.folded)) for w in read if _meaningful(w.folded)))


def _what(title: list[_Word], names: set[str]) -> tuple[str, ...]:
    """The terms of what the title proposes: from its first words that are not an opening
    to the first word that leads to where."""
    proposed = []
    for word in title:
        if word.folded in PLACE_WORDS and proposed:
            break
        if word.folded not in PLACE_WORDS and word.folded not in OPENING_WORDS:
            proposed.append(word)
    what = tuple(term for term in _terms(proposed) if term not in names)
    return what or _terms(title)


def key_of(title: str, summary: str = "") -> Key:
    """The key of a proposal with this title and summary."""
    title_words, summary_words = _read(title), _read(summary)
    names = {concept(term_of(w.folded)) for w in (*title_words, *summary_words) if w.is_name}
    what = _what(title_words, names)
    title_terms = _terms(title_words)
    return Key(
        what=what,
        where=tuple(term for term in title_terms if term not in what),
        title=title_terms,
        terms=_terms(title_words + summary_words),
        places=tuple(term for term in title_terms if term in names),
    )


@lru_cache(maxsize=20_000)
def trigrams(term: str) -> frozenset[str]:
    """The trigrams pg_trgm takes of one word."""
    padded = f"  {term} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def trigram_similarity(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """pg_trgm's similarity() of two lists of words: shared trigrams over all trigrams."""
    ours = frozenset().union(*map(trigrams, left))
    theirs = frozenset().union(*map(trigrams, right))
    if not ours or not theirs:
        return 0.0
    return len(ours & theirs) / len(ours | theirs)


def _same_term(term: str, other: str) -> bool:
    """Whether two stems name the same thing: equal, or one a part of the other's compound."""
    if term == other:
        return True
    shorter, longer = sorted((term, other), key=len)
    return len(shorter) >= PART_MIN and (longer.startswith(shorter) or longer.endswith(shorter))


def found_share(terms: tuple[str, ...], among: tuple[str, ...]) -> float:
    """The share of the terms that are found among the others."""
    if not terms:
        return 0.0
    return sum(any(_same_term(term, other) for other in among) for term in terms) / len(terms)


def shared_share(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """The share of the shorter list's terms that the other list has too."""
    shorter, longer = sorted((left, right), key=len)
    return found_share(shorter, longer) if longer else 0.0


def likeness(ours: Key, theirs: Key) -> float:
    """How probably two proposals are the same idea, from 0 to 1."""
    what = min(found_share(ours.what, theirs.terms), found_share(theirs.what, ours.terms))
    score = (
        WHAT_WEIGHT * what
        + SHARED_WEIGHT * shared_share(ours.terms, theirs.terms)
        + TRIGRAM_WEIGHT * trigram_similarity(ours.title, theirs.title)
    )
    if ours.where and theirs.where:
        where = min(found_share(ours.where, theirs.terms), found_share(theirs.where, ours.terms))
        score *= 1 - PLACE_WEIGHT + PLACE_WEIGHT * where
    if ours.places and theirs.places:
        # The same thing in another named place is another proposal.
        same_place = min(
            found_share(ours.places, theirs.terms), found_share(theirs.places, ours.terms)
        )
        score *= 1 - NAMED_PLACE_WEIGHT + NAMED_PLACE_WEIGHT * same_place
    return score
