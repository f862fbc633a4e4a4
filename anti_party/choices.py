"""The names the command line offers as choices, defined once for it and for the library.

Kept in a module that imports nothing, so that the command line's options (and `apg --help`)
are built without loading the store, the queries or the renderers.
"""

# Orders of `apg timeline --sort` (query.sort_events) and of `apg people --sort` (query.list_people).
SORT_KEYS = ("date", "title", "id")
PEOPLE_SORTS = ("id", "name", "born")

# An event's fields in machine formats (render.records.event_record), in their default order.
EVENT_FIELDS = (
    "id", "date", "start", "end", "precision", "approximate", "uncertain",
    "title", "summary", "people", "tags", "sources", "notes",
)
# The default columns of an event in TSV and CSV; --fields picks others.
DELIMITED_EVENT_FIELDS = ("date", "start", "end", "id", "title", "people", "tags")

# The citation styles of `apg cite` (anti_party.cite.STYLES).
CITATION_STYLES = ("mla", "chicago", "apa")
