"""Write a synthetic store of N events for the benchmark.

    python bench/generate.py N OUT.toml

The store looks like a researcher's: events over 1953-1962 with partial dates,
intervals and qualifiers, two to four people each, a few tags, a summary of about
two hundred characters (some with accented and Cyrillic names, some written as
multi-line strings), an occasional note, all resting on one source. The same N
always gives the same file, so runs on different machines compare.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

WORDS = [
    "plenum", "presidium", "secretary", "minister", "council", "decree", "speech", "report", "letter", "meeting",
    "session", "vote", "motion", "resolution", "delegation", "visit", "treaty", "harvest", "virgin", "lands",
    "industry", "ministry", "reform", "purge", "rehabilitation", "congress", "committee", "leadership", "faction",
    "majority", "minority", "group", "opposition", "collective", "agriculture", "economy", "planning", "Moscow",
    "Kremlin", "Warsaw", "Budapest", "Belgrade", "Beijing", "Geneva", "party", "state", "army", "marshal",
    "Khrushchev", "Molotov", "Malenkov", "Kaganovich", "Bulganin", "Voroshilov", "Zhukov", "Mikoyan", "Gomułka",
    "Nagy", "Tito", "Хрущёв"
]
TAGS = (  # the vocabulary of docs/store.md
    "beria", "congress", "crisis", "de-stalinization", "economy", "epilogue", "exile", "expulsion", "foreign",
    "military", "plenum", "presidium", "publication", "rehabilitation", "security", "succession",
)
FIRST_DAY = date(1953, 3, 5)
DAYS = (date(1962, 12, 31) - FIRST_DAY).days


def sentence(pick: random.Random, words: int) -> str:
    text = " ".join(pick.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def title(pick: random.Random) -> str:
    text = sentence(pick, 6)
    return text if len(text) <= 70 else text[:71].rsplit(" ", 1)[0]  # docs/store.md: at most 70 characters


def when(pick: random.Random) -> str:
    day = FIRST_DAY + timedelta(days=pick.randrange(DAYS))
    form = pick.random()
    qualifier = pick.choice(("", "", "", "", "", "", "~", "?"))
    if form < 0.6:
        return day.isoformat() + qualifier
    if form < 0.8:
        return f"{day:%Y-%m}{qualifier}"
    if form < 0.88:
        return f"{day:%Y}{qualifier}"
    end = day + timedelta(days=pick.randrange(1, 40))
    return f"{day.isoformat()}/{end.isoformat()}"


def store(count: int, people: int) -> str:
    pick = random.Random(count)
    parts = [
        "# A synthetic store written by bench/generate.py for the benchmark.\n\n",
        '[sources.synthetic]\nkind = "book"\ntype = "scholarly"\ntitle = "A synthetic source"\nyear = 2000\n\n',
    ]
    parts += [f'[people.person-{n:04d}]\nname = "{sentence(pick, 2)} {n}"\n\n' for n in range(people)]
    for n in range(count):
        involved = ", ".join(f'"person-{p:04d}"' for p in sorted(pick.sample(range(people), pick.randint(2, 4))))
        tags = ", ".join(f'"{tag}"' for tag in sorted(pick.sample(TAGS, pick.randint(1, 3))))
        summary = ". ".join(sentence(pick, 11) for _ in range(2)) + "."
        if n % 10 == 0:
            summary_line = f'summary = """\n{summary[:90]}\n{summary[90:]}\n[[events]] stays text inside a string"""\n'
        else:
            summary_line = f'summary = "{summary}"\n'
        note = 'notes = [{ text = "Another source dates this a week later.", sources = ["synthetic"] }]\n'
        parts.append(
            f'[[events]]\nid = "event-{n:06d}"\ndate = "{when(pick)}"\ntitle = "{title(pick)}"\n'
            f"{summary_line}people = [{involved}]\ntags = [{tags}]\nsources = [\"synthetic\"]\n"
            f"{note if n % 7 == 0 else ''}\n"
        )
    return "".join(parts)


def main() -> None:
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(store(count, people=max(20, min(500, count // 100))), encoding="utf-8")


if __name__ == "__main__":
    main()
