"""`apg cite`: bibliographies, notes and in-text citations in four text forms, and three exports."""

from __future__ import annotations

from anti_party.cite import CitationRequest
from anti_party.cite.exports import bibtex, csl_json, ris
from anti_party.cite.markup import output
from anti_party.render import Options
from anti_party.render.sanitise import terminal_text


def _document(request: CitationRequest, form: str) -> str:
    return output(request.entries(), form, hanging=request.form == "bibliography")


def text_citations(request: CitationRequest, options: Options) -> str:
    return "".join(terminal_text(line) + "\n" for line in _document(request, "text").splitlines())


def markdown_citations(request: CitationRequest, options: Options) -> str:
    return _document(request, "markdown")


def html_citations(request: CitationRequest, options: Options) -> str:
    return _document(request, "html")


def rtf_citations(request: CitationRequest, options: Options) -> str:
    return _document(request, "rtf")


def bibtex_citations(request: CitationRequest, options: Options) -> str:
    return bibtex(request.sources)


def csl_json_citations(request: CitationRequest, options: Options) -> str:
    return csl_json(request.sources)


def ris_citations(request: CitationRequest, options: Options) -> str:
    return ris(request.sources)
