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
_COORDINATING = {"and", "but", "for", "nor", "or"}
_APA_SHORT_CONJUNCTIONS = {"and", "as", "but", "for", "if", "nor", "or", "so", "yet"}
_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
    "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during",
    "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside",
    "over", "past", "per", "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under",
    "underneath", "unlike", "until", "up", "upon", "versus", "via", "vs", "v", "with", "within", "without",
}  # fmt: skip
# A word, with an abbreviation's inner periods ("a.m.", "U.S.S.R.") kept inside it.
_WORD = re.compile(r"(\w[\w'\u2019]*(?:\.\w+)+\.?|\w[\w'\u2019]*)")


def minor(word: str, style: str) -> bool:
    """A word each style leaves in lower case inside a title.

    MLA: articles, coordinating conjunctions, every preposition. Chicago 18: the same, but
    prepositions of five letters or more are capitalised. APA: articles, and conjunctions and
    prepositions of three letters or fewer.
    """
    lower = word.lower()
    if lower in _ARTICLES:
        return True
    if style == "apa":
        return len(lower) <= 3 and (lower in _APA_SHORT_CONJUNCTIONS or lower in _PREPOSITIONS)
    if lower in _COORDINATING:
        return True
    if lower in _PREPOSITIONS:
        return style == "mla" or len(lower) < 5
    return False


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def title_case(title: str, style: str) -> str:
    """TITLE (in sentence case) in the title case of STYLE: "mla", "chicago" or "apa"."""
    pieces = _WORD.split(title)  # words at odd indexes, the text between them at even ones
    words = list(range(1, len(pieces), 2))
    out = list(pieces)
    for position, index in enumerate(words):
        word = pieces[index]
        if any(ch.isupper() or ch.isdigit() for ch in word[1:]) or word[:1].isupper() or "." in word.rstrip("."):
            continue  # a name, an acronym, an abbreviation ("a.m.") or a word the store capitalised
        before = pieces[index - 1]
        # A new part of the title begins after a colon, a question or exclamation mark or a dash;
        # a period does not end one, since in titles it mostly closes an abbreviation ("Dr.", "vs.").
        first = position == 0 or re.search(r"[:?!\u2014]\s*$", before) is not None
        last = position == len(words) - 1
        if first or last or not minor(word, style):
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


# Words that name a body, never a person's given name: "Polish United Workers' Party, Politburo"
# is an organisation and its division, not a Mr Politburo.
_INSTITUTIONAL = frozenset({
    "agency", "archive", "board", "bureau", "commission", "committee", "council", "department", "division",
    "embassy", "foundation", "institute", "library", "ministry", "office", "party", "plenum", "politburo",
    "presidium", "secretariat", "section", "service", "society", "union", "university",
})  # fmt: skip


def parse_name(text: str) -> Name:
    """A "Family, Given" name, else an organisation: a text with no comma or more than one, or whose part
    after the comma holds a lower-case word (not a name particle) or a word that names a body."""
    family, comma, given = (part.strip() for part in text.partition(","))
    if not comma or not given or "," in given:
        return Name(text.strip())
    words = given.split()
    if any(not word[0].isupper() and word not in _PARTICLES for word in words):
        return Name(text.strip())
    if any(word.lower().strip(".") in _INSTITUTIONAL for word in words):
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


_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
             "nine": "ninth", "twelve": "twelfth"}


def _ordinal(words: str) -> str:
    """ "twenty two" -> "twenty second", "twenty" -> "twentieth"."""
    head, _, last = words.rpartition(" ")
    last = _ORDINALS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return f"{head} {last}" if head else last


def _numeral_words(match: re.Match[str]) -> str:
    """A numeral as filed: "20th" twentieth, "22nd" twenty second, "1950s" nineteen fifties, "1957"."""
    words = number_words(int(match[1][:4]))
    suffix = (match[2] or "").lower()
    if suffix in ("st", "nd", "rd", "th"):
        words = _ordinal(words)
    elif suffix == "s":
        head, _, last = words.rpartition(" ")
        last = last[:-1] + "ies" if last.endswith("y") else last + "s"
        words = f"{head} {last}" if head else last
    return f" {words} "


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


# Letters that NFKD leaves whole but a reader files as two ("Encyclopædia" as "Encyclopaedia").
_LIGATURES = str.maketrans({"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss"})


def fold(text: str) -> str:
    """For alphabetising: no accents, no punctuation or quotation marks, lower case, numerals spelled out.

    A title that begins with a numeral is filed as if the number were spelled out ("20th" as
    "twentieth", "1950s" as "nineteen fifties"). Words stay apart: Chicago 18 files word by
    word; `letters` joins them for MLA's and APA's letter-by-letter order.
    """
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    plain = plain.translate(_LIGATURES)
    plain = re.sub(r"(\d+)(st|nd|rd|th|s)?\b", _numeral_words, plain.casefold())
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain).split())


def letters(key: str) -> str:
    """A folded key filed letter by letter: spaces ignored ("Russian" before "Russia: Purge")."""
    return key.replace(" ", "")


def title_key(title: str) -> str:
    """A title for filing: folded, less a leading article ("The", "A", "An", and "La", "Der"... in other languages)."""
    folded = fold(title)
    return _LEADING_ARTICLE.sub("", folded, count=1) if _LEADING_ARTICLE.match(folded) else folded
