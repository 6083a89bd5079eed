"""Module summaries as JSON values, for the command line's cache: a round trip gives a summary
equal to the one written (and with the same digest)."""

from __future__ import annotations

from typing import Any

from wfcheck.diagnostics import Position, Range
from wfcheck.model.sources import SourceKind
from wfcheck.project.summaries import (
    ContextUse,
    FunctionSummary,
    ModuleSummary,
    Reading,
    ReadLocation,
    ReturnedValue,
)


def summary_to_json(summary: ModuleSummary) -> dict[str, Any]:
    return {
        "path": summary.path,
        "module": summary.module,
        "is_package": summary.is_package,
        "is_workflow_module": summary.is_workflow_module,
        "functions": [_function_to_json(function) for function in summary.functions.values()],
        "imports": summary.imports,
        "serve_objects": summary.serve_objects,
        "serve_arguments": [list(argument) for argument in summary.serve_arguments],
        "instances": summary.instances,
        "origins": summary.origins,
        "context_types": list(summary.context_types),
        "rejected_instances": summary.rejected_instances,
    }


def summary_from_json(value: dict[str, Any]) -> ModuleSummary:
    """Raises KeyError, TypeError or ValueError for a value that `summary_to_json` did not
    write."""
    functions = [_function_from_json(function) for function in value["functions"]]
    return ModuleSummary(
        path=_text(value["path"]),
        module=_text(value["module"]),
        is_package=bool(value["is_package"]),
        is_workflow_module=bool(value["is_workflow_module"]),
        functions={function.name: function for function in functions},
        imports=_texts_by_name(value["imports"]),
        serve_objects=_texts_by_name(value["serve_objects"]),
        serve_arguments=tuple(
            (_text(callee), _text(parameter), _text(serve_class))
            for callee, parameter, serve_class in value["serve_arguments"]
        ),
        instances=_texts_by_name(value["instances"]),
        origins=_texts_by_name(value["origins"]),
        context_types=tuple(_text(name) for name in value["context_types"]),
        rejected_instances=_texts_by_name(value["rejected_instances"]),
    )


# A function's yes-or-no facts, as bits of one number (most functions have none).
_FLAGS = (
    "checked_in_own_module",
    "is_failure_function",
    "is_deterministic",
    "returns_function",
    "reaches_instance_context",
    "is_async",
)


def _function_to_json(function: FunctionSummary) -> list[Any]:
    """`[name, parameters, reading, context parameter, context use, flags, returned,
    required, required keywords]`: a list, not an object, as a project has tens of thousands
    of them."""
    reading, returned = function.reading, function.returns_unserializable
    flags = sum(1 << bit for bit, flag in enumerate(_FLAGS) if getattr(function, flag))
    return [
        function.name,
        list(function.parameters),
        _reading_to_json(reading) if reading is not None else None,
        function.context_parameter,
        function.context_use.name,
        flags,
        [returned.kind, returned.what, list(returned.through)] if returned else None,
        list(function.required),
        list(function.required_keywords),
    ]


def _function_from_json(value: list[Any]) -> FunctionSummary:
    name, parameters, reading, parameter, context_use, flags, returned, required, keywords = value
    if not isinstance(flags, int):
        raise TypeError(f"expected a number, found {type(flags).__name__}")
    return FunctionSummary(
        name=_text(name),
        parameters=tuple(_text(each) for each in parameters),
        reading=_reading_from_json(reading) if reading is not None else None,
        context_parameter=_text(parameter) if parameter is not None else None,
        context_use=ContextUse[context_use],
        returns_unserializable=(
            ReturnedValue(
                _text(returned[0]), _text(returned[1]), tuple(_text(n) for n in returned[2])
            )
            if returned is not None
            else None
        ),
        required=tuple(_text(each) for each in required),
        required_keywords=tuple(_text(each) for each in keywords),
        **{flag: bool(flags >> bit & 1) for bit, flag in enumerate(_FLAGS)},
    )


def _reading_to_json(reading: Reading) -> list[Any]:
    location = reading.location
    start, end = location.range.start, location.range.end
    return [
        reading.kind.value,
        list(reading.through),
        location.display,
        location.path,
        [start.line, start.column, end.line, end.column],
        list(reading.functions),
    ]


def _reading_from_json(value: list[Any]) -> Reading:
    kind, through, display, path, (line, column, end_line, end_column), functions = value
    location = ReadLocation(
        _text(display),
        _text(path),
        Range(Position(int(line), int(column)), Position(int(end_line), int(end_column))),
    )
    return Reading(
        SourceKind(kind),
        tuple(_text(name) for name in through),
        location,
        tuple(_text(function) for function in functions),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, found {type(value).__name__}")
    return value


def _texts_by_name(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, found {type(value).__name__}")
    return {_text(name): _text(text) for name, text in value.items()}
