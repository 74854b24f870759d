"""Danish words as the search index and the queries take them: case and accents folded,
and each word stemmed by the Snowball Danish stemmer ("cykelstier" is "cykelsti")."""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Danish letters are letters of their own, not a or o with an accent.
DANISH_LETTERS = frozenset("æøå")
WORD = re.compile(r"\w+")
# The longest word kept: longer runs are not words anyone searches for.
WORD_MAX = 60
# The most words a proposal's row keeps (its text and a long thread of comments), well
# within what a PostgreSQL tsvector may hold.
WORDS_MAX = 100_000
_stemmer = snowballstemmer.stemmer("danish")


def fold(text: str) -> str:
    """Lower case with accents taken off ("Café" is "cafe"), keeping æ, ø and å."""
    folded = []
    for letter in text.casefold():
        if letter in DANISH_LETTERS:
            folded.append(letter)
        else:
            folded.extend(c for c in unicodedata.normalize("NFKD", letter) if not _is_mark(c))
    return "".join(folded)


def _is_mark(character: str) -> bool:
    return unicodedata.category(character).startswith("M")


def words(text: str) -> list[str]:
    """The text's words, folded, in order."""
    return [word for word in WORD.findall(fold(text)) if len(word) <= WORD_MAX]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one folded word."""
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


def indexed(texts: list[str]) -> dict[str, str]:
    """What the index keeps of these texts: their folded words and those words' stems."""
    found = words(" ".join(texts))[:WORDS_MAX]
    return {"words": " ".join(found), "stems": " ".join(stem(word) for word in found)}
