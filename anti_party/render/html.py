"""The interactive timeline page (`-f html`): one self-contained HTML file that works offline.

The page is static text (page/timeline.html, .css and .js beside this module) around one
JSON block holding the selected events and what they refer to, built from the same records
as `-f json`. Store text goes into that block only, with every "<", ">" and "&" escaped so
that nothing in it can end the block; the script inserts it with textContent, never as HTML.
A Content-Security-Policy lets only the page's own script and style run and fetches nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from anti_party import __version__
from anti_party.model import Event, Source, Store, Term
from anti_party.render import Options
from anti_party.render.records import TITLE, event_record, event_sources, term_record


@dataclass(frozen=True)
class Theme:
    """A lane of the page: the events carrying any of TAGS that no earlier theme took."""

    id: str
    title: str
    tags: tuple[str, ...]


THEMES = (
    Theme("crisis", "The crisis of June 1957", ("crisis",)),
    Theme("party", "Party and succession", ("succession", "plenum", "presidium", "congress")),
    Theme("security", "Beria and the security services", ("beria", "security")),
    Theme("policy", "Policy at home and abroad",
          ("de-stalinization", "economy", "foreign", "military", "rehabilitation", "publication")),
    Theme("fates", "Exile, expulsion and after", ("exile", "expulsion", "epilogue")),
)
OTHER = Theme("other", "Other events", ())

_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def theme_of(event: Event) -> Theme:
    return next((theme for theme in THEMES if set(theme.tags) & set(event.tags)), OTHER)


def citations(source: Source) -> dict[str, str]:
    """The texts the copy buttons copy, one per style: the page's only call into the cite module."""
    from anti_party.cite import STYLES, format_citation

    return {style: format_citation(source, style) for style in STYLES}


def web_address(url: str | None) -> str | None:
    """The source's URL if it is an http or https address, else None: the page links nothing else."""
    return url if url is not None and _WEB_ADDRESS.fullmatch(url) else None


def _source(source: Source) -> dict[str, Any]:
    cite = citations(source)
    return {"id": source.id, "type": source.type, "kind": source.kind, "text": cite["chicago"],
            "url": web_address(source.url), "cite": cite}


def _event(event: Event) -> dict[str, Any]:
    """The event record of `-f json`, and what the page adds: the date as apg prints it and in words,
    the lane, and the citations numbered as the panel lists them (the event's own, then its notes')."""
    cited = event_sources(event)
    return {
        **event_record(event), "when": event.date.human(), "words": event.date.in_words(),
        "theme": theme_of(event).id,
        "cited": [{"id": citation.id, "locator": citation.locator} for citation in cited],
        "note_refs": [[cited.index(citation) + 1 for citation in note.sources] for note in event.notes],
    }


def page_data(events: Sequence[Event], store: Store, terms: Sequence[Term]) -> dict[str, Any]:
    """Everything the page shows, as plain data: the events, and TERMS for the offices band."""
    cited = dict.fromkeys(citation.id for event in events for citation in event_sources(event))
    people = dict.fromkeys([*(p for event in events for p in event.people), *(term.person for term in terms)])
    themes = {theme_of(event).id for event in events}
    return {
        "title": TITLE,
        "version": __version__,
        "themes": [{"id": t.id, "title": t.title} for t in (*THEMES, OTHER) if t.id in themes],
        "events": [_event(event) for event in events],
        "people": {
            ident: {"name": person.name, "full_name": person.full_name, "native": person.native,
                    "aliases": list(person.aliases)}
            for ident in people if (person := store.people.get(ident))
        },
        "sources": {ident: _source(store.sources[ident]) for ident in cited if ident in store.sources},
        "offices": [
            {"id": office.id, "title": office.title, "short": office.short or office.title,
             "start": office.existed.earliest.isoformat() if office.existed else None,
             "end": office.existed.latest.isoformat() if office.existed else None}
            for office in store.offices.values()
        ],
        "terms": [
            {**term_record(term, store), "start": term.start.earliest.isoformat(),
             "end": term.end.latest.isoformat() if term.end else None, "when": _term_when(term.start, term.end)}
            for term in terms
        ],
    }


def _term_when(start: Any, end: Any) -> str:
    return f"{start.human()} - {end.human()}" if end else f"from {start.human()}"


def script_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no "<" (so no "</script>" or "<!--"), ">" or "&"."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files("anti_party.render").joinpath("page", name).read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def html_events(events: Sequence[Event], options: Options) -> str:
    style, script = _asset("timeline.css"), _asset("timeline.js")
    policy = (f"default-src 'none'; script-src {_digest(script)}; style-src {_digest(style)}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")
    page = _asset("timeline.html")
    for marker, text in (("POLICY", policy), ("STYLE", style), ("SCRIPT", script),
                         ("DATA", script_json(page_data(events, options.store, options.terms)))):
        page = page.replace(f"<!--{marker}-->", text, 1)
    return page
