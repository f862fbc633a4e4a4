"""The model's records as plain JSON values and back, driven by the NamedTuples' own fields.

Nothing here knows a field by name: a field added to the model is stored and read back
without a change here. Only data is ever read back (no code, no class names): each record's
class comes from the table it is in.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from anti_party.dates import EdtfDate, parse_edtf

T = TypeVar("T")
Convert = Callable[[Any], Any]


class CodecError(TypeError):
    """A field of a type the index cannot store: a programming error, found by the tests."""


def encoder(cls: type[Any], leaving_out: frozenset[str] = frozenset()) -> Callable[[Any], dict[str, Any]]:
    """A function from a record of CLS to a dict of JSON values; fields at their default are left out.

    So are the fields LEAVING_OUT names: the caller keeps them elsewhere, and gives them back
    to the decoder with the rest.
    """
    if leaving_out:
        return _encode_plan([step for step in _plan(cls) if step[0] not in leaving_out])
    return _record_codec(cls)[0]


def decoder(cls: type[T]) -> Callable[[dict[str, Any]], T]:
    """The inverse of encoder(CLS); raises TypeError or ValueError on data that does not fit."""
    return _record_codec(cls)[1]


_CODECS: dict[type[Any], tuple[Callable[[Any], dict[str, Any]], Callable[[dict[str, Any]], Any]]] = {}


def _record_codec(cls: type[Any]) -> tuple[Callable[[Any], dict[str, Any]], Callable[[dict[str, Any]], Any]]:
    if cls not in _CODECS:
        _CODECS[cls] = _make_record_codec(cls)
    return _CODECS[cls]


Plan = list[tuple[str, Any, "Convert | None", "Convert | None"]]  # (field, default, encode, decode) each


def is_record(value: object) -> bool:
    """Whether VALUE is a record of the model (a NamedTuple, as the dates are too), not a plain tuple of values."""
    return isinstance(value, tuple) and is_record_class(type(value))


def is_record_class(cls: object) -> bool:
    """Whether CLS is a record class of the model: a NamedTuple (a tuple subclass with _fields)."""
    return isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")


def _plan(cls: type[Any]) -> Plan:
    if not is_record_class(cls):
        raise CodecError(f"{cls.__name__} is not a record class (a NamedTuple)")
    hints = typing.get_type_hints(cls)
    defaults: dict[str, Any] = cls._field_defaults
    plan: Plan = []
    for name in cls._fields:
        default = defaults.get(name, _NO_DEFAULT)
        if isinstance(default, (list, dict, set)):
            raise CodecError(f"{cls.__name__}.{name}: a mutable default cannot be shared by decoded records")
        encode, decode = _codec(hints[name])
        plan.append((name, default, encode, decode))
    return plan


def _encode_plan(plan: Plan) -> Callable[[Any], dict[str, Any]]:
    def encode_record(record: Any) -> dict[str, Any]:
        data = {}
        for name, default, encode, _ in plan:
            value = getattr(record, name)
            if value is default or value == default:
                continue
            data[name] = value if encode is None or value is None else encode(value)
        return data

    return encode_record


def _make_record_codec(cls: type[Any]) -> tuple[Callable[[Any], dict[str, Any]], Callable[[dict[str, Any]], Any]]:
    plan = _plan(cls)
    encode_record = _encode_plan(plan)
    decoders = [(name, decode) for name, _, _, decode in plan if decode is not None]

    def decode_record(data: dict[str, Any]) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"a {cls.__name__} record must be an object")
        for name, decode in decoders:
            value = data.get(name)
            if value is not None:
                data[name] = decode(value)
        # The NamedTuple's own constructor fills in the defaults and raises TypeError for a field
        # missing or unknown; with keywords it makes 100,000 events in about half the time of
        # tuple.__new__ or _make over the values in field order.
        return cls(**data)

    if all(decode is None for _, _, _, decode in plan):  # a small value such as a citation: one object each
        plain_decode = decode_record
        made: dict[tuple[tuple[str, Any], ...], Any] = {}

        def decode_record(data: dict[str, Any]) -> Any:
            key = tuple(sorted(data.items())) if isinstance(data, dict) else ()
            if key not in made:
                made[key] = plain_decode(data)
            return made[key]

    return encode_record, decode_record


_NO_DEFAULT = object()


def _codec(hint: Any) -> tuple[Convert | None, Convert | None]:
    """How to write and read one field's value; None where the JSON value is the value."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, bool, float) or origin is typing.Literal:
        return None, None
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if len(options) == 1:
            return _codec(options[0])  # None is written and read as null
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        encode, decode = _codec(args[0])
        return (
            (list if encode is None else lambda values: [encode(value) for value in values]),
            (tuple if decode is None else lambda values: tuple(decode(value) for value in values)),
        )
    if hint is EdtfDate:
        return _edtf_text, _parse_date
    if hint is dt.date:
        return dt.date.isoformat, dt.date.fromisoformat
    if is_record_class(hint):
        encode_record, decode_record = _record_codec(hint)
        return encode_record, decode_record
    raise CodecError(f"the index cannot store a field of type {hint!r}")


def _edtf_text(value: EdtfDate) -> str:
    return value.text


@cache
def _parse_date(text: str) -> EdtfDate:
    """Dates repeat across records (many events share a day): each text is parsed once."""
    return parse_edtf(text)
