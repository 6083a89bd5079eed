"""What a module of the project tells the modules that import it (its summary).

A summary is computed from the module's text and the summaries of the project modules it
imports, with the same semantic model that checks files: nothing is imported or run.
"""

from __future__ import annotations

import ast
import enum
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wfcheck.diagnostics import Range
from wfcheck.model.cached import cached_property
from wfcheck.model.scopes import BindingKind, FunctionNode, Scope, ScopeKind

if TYPE_CHECKING:  # the model imports these summaries
    from wfcheck.model.sources import SourceKind


class ContextUse(enum.Enum):
    """What a function does with a context handed to its context parameter."""

    STEPS = "makes step calls"
    QUIET = "makes no step call and hands it to no code the analysis cannot see"
    ESCAPES = "hands it to code the analysis cannot see"


@dataclass(frozen=True)
class ReadLocation:
    """Where, in a module of the project, a source is read."""

    display: str  # `app/db.py:12`, as messages show it
    path: str  # the module's absolute path
    range: Range  # of the call that reads it


@dataclass(frozen=True)
class Reading:
    """The first source a function reads: the functions the chain goes through and the
    callee (`("load_invoice", "session.get")`), and where it is read; `functions` names the
    functions of the chain by `function_id`, to tell a chain that comes back to a function
    through an import cycle."""

    kind: SourceKind
    through: tuple[str, ...]
    location: ReadLocation
    functions: tuple[str, ...] = ()


def function_id(path: str, function: FunctionNode) -> str:
    """A function of a module of the project (`path` absolute), as readings name it."""
    return f"{path}:{function.lineno}"


@dataclass(frozen=True)
class ReturnedValue:
    """What every `return` of a function gives, when json.dumps rejects it (UWF204)."""

    kind: str  # a `step_results.Kind` value
    what: str  # `a set`, `an instance of Invoice (a dataclass)`
    through: tuple[str, ...] = ()  # the functions it is returned through, after this one


@dataclass(frozen=True)
class FunctionSummary:
    name: str  # `load_invoice`, `Billing.charge`
    parameters: tuple[str, ...]  # positional, as a caller fills them (`self` left out)
    reading: Reading | None = None
    context_parameter: str | None = None
    context_use: ContextUse = ContextUse.ESCAPES
    # Workflow code of its own module (a route, an annotated function, a helper its module
    # calls with a context): its sources are reported there, not at calls from other modules.
    checked_in_own_module: bool = False
    is_failure_function: bool = False
    is_deterministic: bool = False
    returns_function: bool = False
    returns_unserializable: ReturnedValue | None = None
    # A method that uses the context its instance holds (its class's `__init__` keeps the
    # context it gets at its context parameter): workflow code of the code that calls it on an
    # instance made with a context.
    reaches_instance_context: bool = False
    is_async: bool = False
    # What a call with no arguments leaves unfilled (UWF205 for one passed as a step function):
    # its positional parameters without a default, then its keyword-only ones.
    required: tuple[str, ...] = ()
    required_keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModuleSummary:
    path: str  # as messages show it: `app/db.py`
    module: str = ""  # `app.db`
    is_package: bool = False  # an `__init__.py`
    is_workflow_module: bool = False
    functions: dict[str, FunctionSummary] = field(default_factory=dict)
    # Module-level names bound by an import, with the absolute name they stand for.
    imports: dict[str, str] = field(default_factory=dict)
    # Module-level names bound to a `Serve(...)`, with its class.
    serve_objects: dict[str, str] = field(default_factory=dict)
    # The project functions this module passes a `Serve` object to, with the parameter (a
    # position or a keyword) and the object's class: `attach_routes(serve)`.
    serve_arguments: tuple[tuple[str, str, str], ...] = ()
    # Module-level names bound to an instance of one of its classes, with the class's name.
    instances: dict[str, str] = field(default_factory=dict)
    # Module-level names holding an object whose kind matters for sources (`Origin` values).
    origins: dict[str, str] = field(default_factory=dict)
    # Module-level names that stand for the SDK's context class (`Ctx = AsyncWorkflowContext`).
    context_types: tuple[str, ...] = ()  # sorted
    # Module-level classes whose instances json.dumps rejects, with what they are
    # (`a dataclass`, `a pydantic model`, `an Enum`, `a class of app/models.py`).
    rejected_instances: dict[str, str] = field(default_factory=dict)

    @cached_property
    def digest(self) -> str:
        """Of its JSON form (the same in every process, and cheaper than its repr)."""
        from wfcheck.project.summary_json import summary_to_json  # noqa: PLC0415 (it imports this module)

        text = json.dumps(summary_to_json(self), separators=(",", ":"))
        return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


EMPTY = ModuleSummary(path="")


def summarized_functions(module: Scope) -> list[tuple[str, FunctionNode, Scope]]:
    """The module-level functions and the methods of module-level classes, by the name other
    modules reach them with."""
    found: list[tuple[str, FunctionNode, Scope]] = []
    for child in module.children:
        node = child.node
        if child.kind is ScopeKind.FUNCTION and isinstance(node, FunctionNode):
            found.append((node.name, node, child))
        elif child.kind is ScopeKind.CLASS and isinstance(node, ast.ClassDef):
            for method in child.children:
                if method.kind is ScopeKind.FUNCTION and isinstance(method.node, FunctionNode):
                    found.append((f"{node.name}.{method.node.name}", method.node, method))
    return found


def module_imports(module: Scope) -> dict[str, str]:
    """The module-level names bound by an import (the last binding of each)."""
    imports: dict[str, str] = {}
    for name, bindings in module.bindings.items():
        last = bindings[-1]
        if last.kind is BindingKind.IMPORT and last.qualified_name is not None:
            imports[name] = last.qualified_name
    return imports
