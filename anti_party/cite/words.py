"""Words in citations: title case from the store's sentence case, names, and filing order.

The store writes every title in sentence case with its proper nouns capitalised
(docs/store.md), because sentence case cannot be recovered from title case without
knowing which words are names. Title case is derived from it here:

- MLA 9: capitalise the first and last words, the first word after a colon, and
  every word except articles, prepositions, coordinating conjunctions and "to" before a
  verb; lowercase all prepositions, whatever their length.
- Chicago 18: the same, except that prepositions of five letters or more
  ("Between", "Through", "Against") are capitalised.
- A word the store already capitalises stays capitalised, and a word with a capital or a
  digit inside it ("KGB", "McCarthy", "1950s") is left as it is. Each part of a
  hyphenated compound follows the same rules ("Anti-Party", "Post-Stalin").
- Titles in another language (a source with ``language``) keep their sentence case, as
  both guides ask for most languages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ARTICLES = {"a", "an", "the"}
_CONJUNCTIONS = {"and", "but", "for", "nor", "or", "so", "yet"}
_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
    "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during",
    "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside",
    "over", "past", "per", "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under",
    "underneath", "unlike", "until", "up", "upon", "versus", "via", "with", "within", "without",
}  # fmt: skip
_WORD = re.compile(r"(\w[\w'\u2019]*)")


def _minor(word: str, style: str) -> bool:
    lower = word.lower()
    if lower in _ARTICLES or lower in ("and", "but", "for", "nor", "or"):
        return True
    if lower in _PREPOSITIONS:
        return style == "mla" or len(lower) < 5
    return False


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def title_case(title: str, style: str) -> str:
    """TITLE (in sentence case) in the title case of STYLE, "mla" or "chicago"."""
    pieces = _WORD.split(title)  # words at odd indexes, the text between them at even ones
    words = list(range(1, len(pieces), 2))
    out = list(pieces)
    for position, index in enumerate(words):
        word = pieces[index]
        if any(ch.isupper() or ch.isdigit() for ch in word[1:]) or word[:1].isupper():
            continue  # a name, an acronym or a word the store capitalised
        before = pieces[index - 1]
        first = position == 0 or re.search(r"[:?!.\u2014]\s*$", before) is not None
        last = position == len(words) - 1
        if first or last or not _minor(word, style):
            out[index] = _capitalise(word)
    return "".join(out)


# ---------------------------------------------------------------- names


_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "ibn", "la", "le", "van", "von", "y"}
)


@dataclass(frozen=True)
class Name:
    """A person ("Family, Given") or an organisation (anything else), as the store writes them."""

    family: str
    given: str = ""  # empty for an organisation

    @property
    def is_person(self) -> bool:
        return bool(self.given)

    def inverted(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family

    def natural(self) -> str:
        return f"{self.given} {self.family}" if self.given else self.family

    def initials(self) -> str:
        """APA's given names: "James R." -> "J. R.", "Jean-Paul" -> "J.-P."; particles kept."""
        return " ".join(_initial(word) if word[0].isupper() else word for word in self.given.split())

    def apa_inverted(self) -> str:
        return f"{self.family}, {self.initials()}" if self.given else self.family

    def apa_natural(self) -> str:
        return f"{self.initials()} {self.family}" if self.given else self.family


def _initial(word: str) -> str:
    if word.endswith(".") and len(word) <= 3:  # already an initial
        return word
    return "-".join(f"{part[0]}." for part in word.split("-") if part)


def parse_name(text: str) -> Name:
    """A "Family, Given" name; a text with no comma, more commas, or lower-case words after it is an organisation."""
    family, comma, given = (part.strip() for part in text.partition(","))
    if not comma or not given or "," in given:
        return Name(text.strip())
    if any(not word[0].isupper() and word not in _PARTICLES for word in given.split()):
        return Name(text.strip())
    return Name(family, given)


def surnames(names: list[Name], conjunction: str = "and") -> str:
    """The names of a short citation: "Taubman", "Bogomolov and Sannikov", "Doe et al."."""
    if len(names) == 2:
        return f"{names[0].family} {conjunction} {names[1].family}"
    return names[0].family if len(names) == 1 else f"{names[0].family} et al."


def series(items: list[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B, and C" (serial comma)."""
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


# ---------------------------------------------------------------- filing


_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(number: int) -> str:
    """0-9999 in words; four-digit numbers as years are said ("1957": "nineteen fifty seven")."""
    if number < 20:
        return _ONES[number]
    if number < 100:
        return _TENS[number // 10] + ("" if number % 10 == 0 else " " + _ONES[number % 10])
    if 1100 <= number < 10000 and number % 100 and number // 100 % 10:  # a year: "nineteen fifty seven"
        rest = number % 100
        return f"{number_words(number // 100)} {'oh ' if rest < 10 else ''}{number_words(rest)}"
    if number < 1000:
        rest = number % 100
        return f"{_ONES[number // 100]} hundred" + (f" {number_words(rest)}" if rest else "")
    rest = number % 1000
    return f"{number_words(number // 1000)} thousand" + (f" {number_words(rest)}" if rest else "")


_LEADING_ARTICLE = re.compile(r"(?:the|a|an|le|la|les|l|il|lo|el|der|die|das)\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """For alphabetising: no accents, no punctuation or quotation marks, lower case, numerals spelled out.

    The three guides file letter by letter on the romanised form, ignoring punctuation; a
    title that begins with a numeral is filed as if the number were spelled out.
    """
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    plain = re.sub(r"\d+", lambda match: f" {number_words(int(match[0][:4]))} ", plain.casefold())
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain).split())


def title_key(title: str) -> str:
    """A title for filing: folded, less a leading article ("The", "A", "An", and "La", "Der"... in other languages)."""
    folded = fold(title)
    return _LEADING_ARTICLE.sub("", folded, count=1) if _LEADING_ARTICLE.match(folded) else folded
