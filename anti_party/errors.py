"""The package's domain errors: one base class, each with its exit code, mapped once by the CLI;
and what their messages share (quoting input, suggesting the nearest choices).

Exit codes: 0 success, 1 a data or lookup problem, 2 a usage problem, 130 interrupted.
"""

from __future__ import annotations

QUOTE_LIMIT = 80  # the most characters of any input that a message quotes
LONGEST_SUGGESTED = 100  # longer input gets no did-you-mean


class ApgError(Exception):
    """A problem apg explains in one line per problem on stderr and an exit code (1 unless said)."""

    exit_code = 1

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines: tuple[str, ...] = lines

    def __str__(self) -> str:
        return "\n".join(self.lines)


class DataError(ApgError):
    """A data or lookup problem: a broken store, an unknown name or id, output that cannot be written."""

    exit_code = 1


class UsageError(ApgError):
    """Input on the command line that cannot be used: a bad date, contradictory options."""

    exit_code = 2


def clipped(text: object, limit: int = QUOTE_LIMIT) -> str:
    """TEXT as it is when short, else its first LIMIT characters and its length."""
    text = str(text)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def quoted(text: object, limit: int = QUOTE_LIMIT) -> str:
    """TEXT quoted as Python writes it (controls escaped), cut to LIMIT characters with its length."""
    text = str(text)
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}... ({len(text):,} characters)"


def close_matches(word: str, choices: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    """The N CHOICES nearest WORD, for a message's "did you mean"."""
    if len(word) > LONGEST_SUGGESTED:
        return []  # nothing is close to it, and comparing a huge input with every id would take minutes
    import difflib  # only needed when something is wrong; kept off the start-up path

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
