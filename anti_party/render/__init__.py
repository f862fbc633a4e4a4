"""One registry of output formats.

A format renders a view (a list of events, or a person's profile) to either a
string (machine formats, never touched by rich) or a rich renderable (terminal
formats, printed by the CLI). Format modules are imported only when used, so
that `apg -f tsv` never imports rich.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # the registry loads without the model, for the command line's --format choices
    from anti_party.model import Store, Term

# A listing of events and one person's profile; some formats also render "on" (the state of
# power), "offices" (terms) and "records" (flat listings of people, tags and sources).
VIEWS = ("events", "person")


# NamedTuples rather than frozen dataclasses, as the model's records (anti_party.model): every
# command imports this module, apg --help too.
class Options(NamedTuple):
    """What a renderer may need besides the rows."""

    store: Store
    fields: tuple[str, ...] | None = None
    header: bool = False
    details: bool = False
    terms: tuple[Term, ...] = ()  # every office's terms, for a view that shows them beside the events (html)


class Format(NamedTuple):
    name: str
    description: str
    module: str
    terminal: bool = False
    views: tuple[str, ...] = VIEWS
    # The module of a view rendered elsewhere than MODULE: apg cite's forms live in "citations".
    modules: Mapping[str, str] = {}  # shared by the formats that give none, and never changed
    # Events rendered in batches, one after the other, make the same text as all at once (the
    # header, if any, with the first batch only): a large output need not be held whole.
    batches: bool = False
    # Renders, as the view "cells", the cells of events that the index keeps in columns
    # (query.cell_batches): a listing read and written without decoding a single event.
    cells: bool = False

    def renderer(self, view: str) -> Callable[[Any, Options], Any]:
        """The module's function named FORMAT_VIEW, e.g. tsv_events, csl_json_citations."""
        module = importlib.import_module(f"anti_party.render.{self.modules.get(view, self.module)}")
        function: Callable[[Any, Options], Any] = getattr(module, f"{self.name.replace('-', '_')}_{view}")
        return function


_CITATIONS = {"citations": "citations"}
FORMATS: dict[str, Format] = {
    spec.name: spec
    for spec in (
        Format("timeline", "rich timeline grouped by year (terminal)", "terminal", terminal=True,
               views=(*VIEWS, "on")),
        Format("table", "rich table (terminal)", "terminal", terminal=True, views=(*VIEWS, "records")),
        Format("chart", "chart of office terms (terminal)", "terminal", terminal=True, views=("offices",)),
        Format("tsv", "tab-separated values, no header unless --header", "delimited",
               views=(*VIEWS, "on", "offices", "records"), batches=True, cells=True),
        Format("csv", "RFC 4180 comma-separated values with a header row", "delimited",
               views=(*VIEWS, "offices", "records")),
        Format("json", "one JSON document", "jsondoc", views=(*VIEWS, "on", "offices", "records")),
        Format("jsonl", "one JSON object per line", "jsondoc", views=(*VIEWS, "offices", "records"), batches=True),
        Format("markdown", "Markdown: a heading per year, a list item per event, then the sources; "
               "citations with *italics*", "markdown", views=(*VIEWS, "citations"), modules=_CITATIONS),
        Format("ics", "iCalendar (RFC 5545), one all-day event per event", "ics"),
        Format("timelinejs", "TimelineJS3 JSON", "timelinejs"),
        Format("text", "plain text: every event in full with its notes and sources; a person's profile; "
               "citations", "plaintext", views=(*VIEWS, "citations"), modules=_CITATIONS),
        Format("html", "HTML: for events, one self-contained interactive timeline page that works offline; "
               "citations with <i>italics</i>, a bibliography with hanging indents", "html",
               views=("events", "citations"), modules=_CITATIONS),
        Format("rtf", "RTF for word processors: citations with italics kept", "citations", views=("citations",)),
        Format("bibtex", "BibTeX (biblatex fields) for reference managers", "citations", views=("citations",)),
        Format("csl-json", "CSL-JSON for Zotero, Mendeley and citeproc", "citations", views=("citations",)),
        Format("ris", "RIS for EndNote and Zotero", "citations", views=("citations",)),
    )
}

def formats_for(view: str) -> list[str]:
    return [name for name, spec in FORMATS.items() if view in spec.views]


def render(format_name: str, view: str, rows: object, options: Options) -> Any:
    """Render ROWS (events, a profile, a state of power...) as VIEW in FORMAT_NAME."""
    return FORMATS[format_name].renderer(view)(rows, options)
