"""The summaries of a project's modules, computed on demand and kept until a module changes.

`ProjectIndex` holds one project's summaries; `ProjectView` answers the model's questions
(`ImportedFacts`) for one checked file, resolving its imports (relative ones from its own
module name) and recording the modules it used, so that a result can be keyed by them.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from wfcheck.config import PYPROJECT_TOML, ProjectConfig
from wfcheck.discovery import discover
from wfcheck.model.imported import ImportedFacts
from wfcheck.model.scopes import FunctionNode, required_keywords, required_positional
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import Region, UnitKind
from wfcheck.project.layout import ModuleName, ProjectLayout, absolute_name, project_root
from wfcheck.project.summaries import (
    EMPTY,
    ContextUse,
    FunctionSummary,
    ModuleSummary,
    Reading,
    ReadLocation,
    module_imports,
    summarized_functions,
)
from wfcheck.settings import DetectionSettings
from wfcheck.source import SourceText, read_source_if_readable
from wfcheck.while_checking import collector_paused, recursion_room

# How many re-exports (`from .billing import load` in an `__init__.py`) a name is followed.
_MAX_REEXPORTS = 8
# How many times the modules of an import cycle are summarised to reach a fixed point.
_MAX_ROUNDS = 6


@dataclass(frozen=True)
class KeptSummary:
    """A module's summary kept between runs, with what it was made from: the digest of the
    module's text, and the summaries it used with their digests."""

    text: str
    used: tuple[tuple[str, str], ...]
    summary: ModuleSummary


class SummaryKeeper(Protocol):
    """Where summaries are kept between runs (the command line's cache)."""

    def get(self, path: Path, detection: DetectionSettings) -> KeptSummary | None: ...

    def put(self, path: Path, detection: DetectionSettings, kept: KeptSummary) -> None: ...


# A recorded dependency on whether a module leads to the SDK (not on its summary).
_LEADS = "leads:"


def _lead_mark(leads: bool) -> str:
    return f"{_LEADS}{int(leads)}"


_SHARED: dict[tuple[Path, DetectionSettings], ProjectIndex] = {}
# Where the shared indexes keep their summaries between runs (none unless a run sets one).
_KEEPER: list[SummaryKeeper | None] = [None]
# The project root of each folder holding a checked file, with the folders the run was given.
_ROOTS: dict[tuple[str, tuple[Path, ...]], Path] = {}


def shared_index(
    path: Path, detection: DetectionSettings, checked: Sequence[Path] = ()
) -> ProjectIndex:
    """The index of the project a file belongs to (`checked`: the folders the run was given),
    one per project and settings in a process (the command line's workers, flake8's), reading
    modules from disk. A folder's project root is looked for once."""
    folder = (os.path.dirname(os.path.abspath(path)), tuple(checked))
    if folder not in _ROOTS:
        _ROOTS[folder] = project_root(path, checked)
    key = (_ROOTS[folder], detection)
    if key not in _SHARED:
        _SHARED[key] = ProjectIndex(ProjectLayout(key[0]), detection)
    index = _SHARED[key]
    index.keeper = _KEEPER[0]
    return index


def keep_shared_summaries(keeper: SummaryKeeper | None) -> None:
    """Where the indexes of `shared_index` look for summaries made by earlier runs, and keep
    the ones they make (None: nowhere)."""
    _KEEPER[0] = keeper


def _digest(text: str | None) -> str:
    data = text.encode("utf-8", "surrogatepass") if text is not None else b"\0missing"
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ProjectIndex:
    """Summaries of one project's modules (one per file, computed when first asked for)."""

    def __init__(
        self,
        layout: ProjectLayout,
        detection: DetectionSettings,
        read_text: Callable[[Path], str | None] = read_source_if_readable,
        keeper: SummaryKeeper | None = None,
    ) -> None:
        self.layout = layout
        self.detection = detection
        self.read_text = read_text
        self.keeper = keeper
        self._summaries: dict[Path, ModuleSummary] = {}
        self._dependents: dict[Path, set[Path]] = {}  # who used a module's summary
        # Finding the modules that import each other: the modules being summarised, and for
        # each module still open its order of visit, the lowest one it reaches, its summary
        # so far, and the open modules in the order visited (Tarjan's stack).
        self._in_progress: list[Path] = []
        self._visit: dict[Path, int] = {}
        self._low: dict[Path, int] = {}
        self._open: dict[Path, ModuleSummary] = {}
        self._component: list[Path] = []
        self._cyclic: set[Path] = set()  # a module whose summary asked for its own
        self._resolving: dict[Path, ModuleSummary] = {}  # a cycle's, round after round
        # Kept summaries being checked: through an import cycle, the check of a module's
        # kept summary comes back to it, and takes it as it was kept (not while summarising).
        self._checking: dict[Path, ModuleSummary] = {}
        self._top_names: frozenset[str] | None = None
        self._leads: dict[Path, bool] = {}  # by `_leads_to_the_sdk`
        self._lead_files: dict[Path, frozenset[Path]] = {}  # the modules each answer read
        self._files: list[Path] | None = None  # the project's modules, when first needed
        self._naming: dict[str, list[Path]] = {}  # by `files_naming`
        self._splits: dict[str, tuple[Path, str] | None] = {}  # by `split`
        self._text_digests: dict[str, str] = {}  # by path, as text
        self._used_by: dict[Path, frozenset[Path]] = {}  # the summaries each one used

    def view(self, path: Path | None) -> ProjectView:
        """The answers for a file of the project (relative imports from its module)."""
        module = self.layout.module_of(path) if path is not None else None
        return ProjectView(self, module, path.resolve() if path is not None else None)

    def summary(self, path: Path) -> ModuleSummary:
        """The module's summary. Modules that import each other (directly or around a cycle)
        are summarised together, once every one of them is known: from nothing known, each
        of them again in the order of their paths, until none changes. So their summaries
        do not depend on which of them was asked for first (Tarjan's strongly connected
        components, found as the summaries ask for each other)."""
        if path in self._summaries:
            return self._summaries[path]
        if path in self._resolving:
            return self._resolving[path]
        if path in self._checking:
            return self._checking[path]
        if path in self._visit:  # a cycle: what is known so far, worked out again later
            self._cyclic.add(path)
            caller = self._in_progress[-1]
            self._low[caller] = min(self._low[caller], self._visit[path])
            return self._open.get(path, EMPTY)
        self._visit[path] = self._low[path] = len(self._visit)
        self._in_progress.append(path)
        self._component.append(path)
        try:
            summary = self._summarize(path)
        except BaseException:  # contained by the check that asked (an internal error)
            self._close(path)
            raise
        finally:
            self._in_progress.pop()
        if self._in_progress:
            caller = self._in_progress[-1]
            self._low[caller] = min(self._low[caller], self._low[path])
        if self._low[path] != self._visit[path]:
            self._open[path] = summary  # in a cycle that a module below on the stack closes
            return summary
        members = self._close(path)
        if len(members) > 1 or path in self._cyclic:
            return self._summarize_together(members)[path]
        self._summaries[path] = summary
        return summary

    def _close(self, path: Path) -> list[Path]:
        """The modules visited since `path` (itself included), no longer open."""
        cut = self._component.index(path)
        members, self._component = self._component[cut:], self._component[:cut]
        for member in members:
            del self._visit[member], self._low[member]
            self._open.pop(member, None)
        return members

    def _summarize_together(self, members: list[Path]) -> dict[Path, ModuleSummary]:
        ordered = sorted(members)
        current = dict.fromkeys(ordered, EMPTY)
        try:
            for _ in range(_MAX_ROUNDS):
                self._resolving.update(current)
                made = {member: self._summarize(member) for member in ordered}
                if made == current:
                    break
                current = made
        finally:
            for member in ordered:
                self._resolving.pop(member, None)
            self._cyclic.difference_update(ordered)
        self._summaries.update(current)
        return current

    def invalidate(self, path: Path) -> set[Path]:
        """Forget a module's summary and those computed from it or from whether it leads to
        the SDK; the paths forgotten."""
        path = path.resolve()
        self._leads.clear()
        self._lead_files.clear()
        self._naming.clear()
        if self._files is not None and path not in self._files:
            self._files = None  # a new module
        self._text_digests.pop(str(path), None)
        forgotten = {path} if self._summaries.pop(path, None) is not None else set()
        return forgotten | self._forget_dependents(path)

    def _forget_dependents(self, path: Path) -> set[Path]:
        forgotten: set[Path] = set()
        pending = list(self._dependents.pop(path, ()))
        while pending:
            dependent = pending.pop()
            if dependent in forgotten:
                continue
            forgotten.add(dependent)
            self._summaries.pop(dependent, None)
            pending.extend(self._dependents.pop(dependent, ()))
        return forgotten

    def note_dependency(self, dependent: Path, used: Path) -> None:
        self._dependents.setdefault(used, set()).add(dependent)

    def leads_to_the_sdk(self, path: Path) -> bool:
        """Whether the module names the SDK (or a configured module), or is a package that
        imports one that does (a re-export): a cheap test on the texts, before any module is
        summarised for it."""
        return self._leads_to_the_sdk(path, _MAX_REEXPORTS)

    def still_holds(self, path: Path, recorded: str) -> bool:
        """Whether what a check or a summary recorded of a module (`dependencies`) is still
        so: its summary's digest, or whether it leads to the SDK."""
        if recorded.startswith(_LEADS):
            return _lead_mark(self.leads_to_the_sdk(path)) == recorded
        return self.summary(path).digest == recorded

    def file_holding(self, name: str) -> Path | None:
        found = self.split(name)
        return found[0] if found is not None else None

    def split(self, name: str) -> tuple[Path, str] | None:
        """The file of the longest module prefix of `name`, and the name inside it:
        `(app/main.py, "serve")` for `app.main.serve`."""
        if name not in self._splits:
            self._splits[name] = self._split(name)
        return self._splits[name]

    def _split(self, name: str) -> tuple[Path, str] | None:
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            path = self.layout.file_of(".".join(parts[:cut]))
            if path is not None:
                return path, ".".join(parts[cut:])
        return None

    def _leads_to_the_sdk(self, path: Path, depth: int) -> bool:
        if path in self._leads:
            return self._leads[path]
        self._leads[path] = False  # an import cycle leads nowhere new
        text = self.read_text(path) or ""
        found = self.detection.named_in(text)
        read = {path}
        if not found and path.name == "__init__.py" and depth > 0:
            package = self.layout.module_of(path)
            for imported in self.imported_files(text, package):
                self.note_dependency(path, imported)
                found = self._leads_to_the_sdk(imported, depth - 1)
                read |= self._lead_files.get(imported, {imported})
                if found:
                    break
        self._leads[path] = found
        self._lead_files[path] = frozenset(read)
        return found

    def imported_files(self, text: str, module: ModuleName | None) -> Iterator[Path]:
        """The project files a text's import statements name: the module of each, and the
        modules of a package that `from package import a, b` names."""
        names = self.top_level_names()
        for match in _IMPORTED_MODULE.finditer(text):
            written = match.group(1) or match.group(2)
            if not written.startswith(".") and written.split(".", 1)[0] not in names:
                continue
            absolute = absolute_name(written, module)
            if absolute is None:
                continue
            path = self.file_holding(f"{absolute}._")  # the longest prefix that is a module
            if path is not None:
                yield path
            if match.group(1) is not None and path is not None and path.name == "__init__.py":
                for name in _from_imported_names(text, match.end()):
                    submodule = self.layout.file_of(f"{absolute}.{name}")
                    if submodule is not None:
                        yield submodule

    def import_levels(
        self, texts: Mapping[Path, str], known: Mapping[str, str]
    ) -> list[list[Path]]:
        """The project modules that the texts import, directly or through each other, by
        level: each module in a level after those of the modules it imports (the edge that
        closes an import cycle left out), so that the modules of a level can be summarised
        at once from the summaries of the levels before. `known`: texts read already, by
        absolute path."""
        imports: dict[Path, list[Path]] = {}
        pending = [
            imported
            for path, text in texts.items()
            for imported in self.imported_files(text, self.layout.module_of(path))
        ]
        while pending:
            path = pending.pop()
            if path not in imports:
                text = known.get(str(path)) or self.read_text(path) or ""
                module = self.layout.module_of(path)
                imports[path] = list(self.imported_files(text, module))
                pending.extend(imports[path])
                pending.extend(self._packages_of(module))  # asked for a module's attributes
        levels: dict[Path, int] = {}
        for path in sorted(imports):
            _number_levels(path, imports, levels)
        found: list[list[Path]] = [[] for _ in range(max(levels.values(), default=-1) + 1)]
        for path in sorted(levels):
            found[levels[path]].append(path)
        return found

    def _packages_of(self, module: ModuleName | None) -> Iterator[Path]:
        """The `__init__.py` files of the packages holding a module."""
        parts = module.name.split(".") if module is not None else []
        for end in range(1, len(parts)):
            package = self.layout.file_of(".".join(parts[:end]))
            if package is not None:
                yield package

    def files_naming(self, name: str) -> list[Path]:
        """The project's modules whose text contains `name` (remembered until a change)."""
        if name not in self._naming:
            self._naming[name] = [
                path for path in self._project_files() if name in (self.read_text(path) or "")
            ]
        return self._naming[name]

    def _project_files(self) -> list[Path]:
        """The modules under the root, as `wfcheck check .` finds them there (Ruff's default
        exclusions and `.gitignore`)."""
        if self._files is None:
            defaults = ProjectConfig(self.layout.root / PYPROJECT_TOML)
            found = discover([str(self.layout.root)], lambda _: defaults).files
            self._files = [path.resolve() for path in found if path.suffix == ".py"]
        return self._files

    def top_level_names(self) -> frozenset[str]:
        """The names a project module's absolute import starts with."""
        if self._top_names is None:
            names = set()
            for search_root in self.layout.search_roots:
                for child in search_root.iterdir() if search_root.is_dir() else ():
                    stem = child.stem if child.suffix == ".py" else child.name
                    if stem.isidentifier() and (child.suffix == ".py" or child.is_dir()):
                        names.add(stem)
            self._top_names = frozenset(names)
        return self._top_names

    def text_digest(self, path: Path | str) -> str:
        """The digest of a module's text: the one its summary was made from, or that
        `remember_text` was told, else read now."""
        key = str(path)
        if key not in self._text_digests:
            self._text_digests[key] = _digest(self.read_text(Path(path)))
        return self._text_digests[key]

    def remember_text(self, path: Path, text: str) -> None:
        """A module's text as the caller has just read it from disk (not read again)."""
        self._text_digests.setdefault(str(path), _digest(text))

    def read_by(self, path: Path) -> set[Path]:
        """The modules whose texts a module's summary, or whether it leads to the SDK, was
        made from (itself included): the closure of what each one used, import cycles
        included."""
        found, pending = {path}, [path]
        while pending:
            module = pending.pop()
            for used in (*self._used_by.get(module, ()), *self._lead_files.get(module, ())):
                if used not in found:
                    found.add(used)
                    pending.append(used)
        return found

    def _summarize(self, path: Path) -> ModuleSummary:
        kept = self._kept_summary(path)
        if kept is not None:
            return kept
        checking, self._checking = self._checking, {}
        try:
            return self._made_summary(path)
        finally:
            self._checking = checking

    def _made_summary(self, path: Path) -> ModuleSummary:
        display = self.layout.display(path)
        text = self.read_text(path)
        self._text_digests[str(path)] = _digest(text)
        self._used_by[path] = frozenset()
        if text is None:
            return ModuleSummary(path=display)
        view = self.view(path)
        with collector_paused(), recursion_room():
            # (its tree and model freed before the collector resumes, which would go over them)
            summary = self._summary_of_text(text, path, view)
        self._used_by[path] = frozenset((*view.used, *view.leads))
        if self.keeper is not None:
            made = KeptSummary(self._text_digests[str(path)], view.dependencies(), summary)
            self.keeper.put(path, self.detection, made)
        return summary

    def _summary_of_text(self, text: str, path: Path, view: ProjectView) -> ModuleSummary:
        display = self.layout.display(path)
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError):
            return ModuleSummary(path=display)  # a module that does not parse tells nothing
        try:
            model = SemanticModel(SourceText(text), tree, self.detection, view)
            return _summary_of(model, path, display, view.module or ModuleName("", False))
        except RecursionError:
            return ModuleSummary(path=display)

    def _kept_summary(self, path: Path) -> ModuleSummary | None:
        """The summary an earlier run made of the module, if its text is the same and the
        summaries it used are (those are looked up, or made, first). Modules that import
        each other were summarised together: while their kept summaries agree with each
        other, and the rest they used holds, they are taken together."""
        kept = self.keeper.get(path, self.detection) if self.keeper is not None else None
        if kept is None or kept.text != self.text_digest(path):
            return None
        used = [Path(module) for module, _ in kept.used]
        self._checking[path] = kept.summary
        try:
            for module, (_, recorded) in zip(used, kept.used, strict=True):
                self.note_dependency(path, module)
                if not self.still_holds(module, recorded):
                    return None
        finally:
            del self._checking[path]
        self._used_by[path] = frozenset(used)
        return kept.summary


def _number_levels(start: Path, imports: dict[Path, list[Path]], levels: dict[Path, int]) -> None:
    """The level of `start` and of the modules it imports (depth first, without recursion):
    one more than the highest of the modules it imports, 0 for one that imports none."""
    if start in levels:
        return
    stack = [(start, iter(imports[start]))]
    open_ = {start}
    while stack:
        path, following = stack[-1]
        imported = next((m for m in following if m not in levels and m not in open_), None)
        if imported is not None:
            stack.append((imported, iter(imports[imported])))
            open_.add(imported)
            continue
        stack.pop()
        open_.discard(path)
        known = [levels[m] for m in imports[path] if m in levels]
        levels[path] = max(known, default=-1) + 1


def _summary_of(
    model: SemanticModel, path: Path, display: str, module_name: ModuleName
) -> ModuleSummary:
    workflows = model.workflows
    own = {
        unit.node
        for unit in workflows.units_of(Region.ORCHESTRATION)
        if unit.kind is not UnitKind.INSTANCE_METHOD  # (its sources are reported at its calls)
    }
    functions = summarized_functions(model.scopes.module)
    parameters = workflows.discover_context_parameters([node for _, node, _ in functions])
    summaries: dict[str, FunctionSummary] = {}
    for name, node, _ in functions:
        parameter = parameters.get(node)
        instance_context = workflows.reaches_instance_context(node)
        own_parameters = workflows.own_parameters(node)
        summaries[name] = FunctionSummary(
            name=name,
            parameters=tuple(p.arg for p in own_parameters),
            reading=_reading(model, node, path, display),
            context_parameter=parameter.arg if parameter is not None else None,
            # what callers ask of a function that takes their context (or its instance's)
            context_use=(
                model.context_use(node)
                if parameter is not None or instance_context
                else ContextUse.ESCAPES
            ),
            checked_in_own_module=model.is_workflow_file and node in own,
            is_failure_function=workflows.is_failure_function(node),
            is_deterministic=node in model.classifier.declared_deterministic,
            returns_function=model.returns_function(node),
            returns_unserializable=model.step_results.summary_of_returned(node, display),
            reaches_instance_context=instance_context,
            is_async=isinstance(node, ast.AsyncFunctionDef),
            required=tuple(p.arg for p in required_positional(node.args) if p in own_parameters),
            required_keywords=tuple(p.arg for p in required_keywords(node.args)),
        )
    module = model.scopes.module
    return ModuleSummary(
        path=display,
        module=module_name.name,
        is_package=module_name.is_package,
        is_workflow_module=model.is_workflow_file,
        functions=summaries,
        imports=module_imports(module),
        serve_objects=workflows.module_serve_objects(),
        serve_arguments=workflows.serve_arguments(),
        instances=workflows.module_instances(),
        origins=model.origins.module_origins(),
        context_types=workflows.module_context_types(),
        rejected_instances=model.step_results.module_rejected_instances(display),
    )


def _reading(
    model: SemanticModel, function: FunctionNode, path: Path, display: str
) -> Reading | None:
    spec = model.classifier.reading_of(function)
    if spec is None:
        return None
    location = spec.read_elsewhere
    if location is None:
        read_at = spec.read_at or function
        where = f"{display}:{read_at.lineno}"
        location = ReadLocation(where, str(path), model.source.node_range(read_at))
    return Reading(spec.kind, spec.through, location, spec.functions)


_COMMENT = re.compile(r"#[^\n]*")
# A line and the lines a backslash at its end continues it on.
_CONTINUED_LINES = re.compile(r"(?:[^\n]*\\\n)*[^\n]*")
_REGISTRATION_DECORATOR = re.compile(r"@[ \t]*[A-Za-z_][\w.]*[ \t]*\.[ \t]*(?:post|route)[ \t]*\(")
# The module of an import statement's first name (`from .db import`, `import app.main`).
_IMPORTED_MODULE = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import|import[ \t]+([\w.]+))", re.M
)


def _from_imported_names(text: str, start: int) -> list[str]:
    """The names a `from ... import` statement imports, its text read from after `import`
    (in parentheses, or on lines continued by a backslash)."""
    rest = _COMMENT.sub("", text[start : start + 2000])
    if rest.lstrip(" \t").startswith("("):
        names = rest[rest.index("(") + 1 : rest.find(")")]
    else:
        line = _CONTINUED_LINES.match(rest)
        names = line.group(0).replace("\\\n", " ") if line is not None else ""
    return [part.split()[0] for part in names.split(",") if part.split()]


class ProjectView(ImportedFacts):
    """The project as one checked file sees it."""

    reads_modules = True

    def __init__(self, index: ProjectIndex, module: ModuleName | None, path: Path | None) -> None:
        self.index = index
        self.module = module
        self.path = path
        self.own_path = str(path) if path is not None else None
        self.own_module = module.name if module is not None else None
        self.used: dict[Path, ModuleSummary] = {}  # the summaries this file's check used
        self.leads: dict[Path, bool] = {}  # the modules asked whether they lead to the SDK

    def dependencies(self) -> tuple[tuple[str, str], ...]:
        """The modules whose summaries were used, each with its summary's digest, and those
        asked whether they lead to the SDK, with the answer (`ProjectIndex.still_holds`)."""
        summaries = {(str(path), summary.digest) for path, summary in self.used.items()}
        leads = {(str(path), _lead_mark(found)) for path, found in self.leads.items()}
        return tuple(sorted(summaries | leads))

    def texts(self) -> tuple[tuple[str, str], ...]:
        """Every module whose text the used summaries and answers were made from, with its
        digest."""
        read = set().union(*(self.index.read_by(path) for path in (*self.used, *self.leads)))
        return tuple(sorted((str(path), self.index.text_digest(path)) for path in read))

    def is_current(
        self, dependencies: tuple[tuple[str, str], ...], texts: tuple[tuple[str, str], ...]
    ) -> bool:
        """Whether a result made with those summaries still holds: every module they were
        made from has the same text (no module is summarised to know it), or else the
        summaries, made again, are the same."""
        if texts and all(self.index.text_digest(path) == digest for path, digest in texts):
            return True
        return all(self.index.still_holds(Path(path), recorded) for path, recorded in dependencies)

    def may_hold_workflow_code(self, text: str) -> bool:
        """A cheap test on a text that names no SDK module: an import of a project module that
        does (or of a package that re-exports from one), or a decorator `@name.post(` /
        `@name.route(`, which may register a route on a `Serve` another module passes in."""
        if _REGISTRATION_DECORATOR.search(text) is not None:
            return True
        imported = self.index.imported_files(text, self.module)
        return any(self._leads_to_the_sdk(path) for path in imported)

    def function(self, qualified: str) -> tuple[FunctionSummary, ModuleSummary] | None:
        found = self._resolve(qualified)
        if found is None:
            return None
        summary, rest = found
        instance, _, method = rest.partition(".")
        if instance in summary.instances:  # `billing.charge` with `billing = Billing()`
            rest = f"{summary.instances[instance]}.{method}"
        function = summary.functions.get(rest)
        return (function, summary) if function is not None else None

    def rejected_instance(self, qualified: str) -> str | None:
        found = self._resolve(qualified)
        return found[0].rejected_instances.get(found[1]) if found is not None else None

    def serve_class(self, qualified: str) -> str | None:
        found = self._resolve_sdk_name(qualified)
        return found[0].serve_objects.get(found[1]) if found is not None else None

    def origin(self, qualified: str) -> str | None:
        found = self._resolve(qualified)
        return found[0].origins.get(found[1]) if found is not None else None

    def is_context_type(self, qualified: str) -> bool:
        found = self._resolve_sdk_name(qualified)
        return found is not None and found[1] in found[0].context_types

    def serve_passed_to(self, function: str, position: int | None, keyword: str) -> str | None:
        """Found among the project's modules whose text names the function (the callers are
        not imported by the checked file, so the project's files are searched)."""
        if self.module is None:
            return None
        qualified = f"{self.module.name}.{function}"
        wanted = {keyword, str(position)} if position is not None else {keyword}
        for path in self.index.files_naming(function):
            if path == self.path:
                continue
            for callee, parameter, serve_class in self._summary(path).serve_arguments:
                if callee == qualified and parameter in wanted:
                    return serve_class
        return None

    def is_project_name(self, qualified: str) -> bool:
        name = absolute_name(qualified, self.module)
        return name is not None and self.index.file_holding(name) is not None

    def is_project_module(self, qualified: str) -> bool:
        name = absolute_name(qualified, self.module)
        return name is not None and self.index.layout.file_of(name) is not None

    def absolute(self, module: str) -> str:
        return absolute_name(module, self.module) or module

    def opens_gate(self, qualified: str) -> bool:
        return self.serve_class(qualified) is not None or self.is_context_type(qualified)

    def _resolve_sdk_name(self, qualified: str) -> tuple[ModuleSummary, str] | None:
        """`_resolve` for a `serve` or a context type: only in a module whose text names the
        SDK or a package that re-exports from one (the others are not summarised for it)."""
        name = absolute_name(qualified, self.module)
        path = self.index.file_holding(name) if name is not None else None
        if path is None or not self._leads_to_the_sdk(path):
            return None
        return self._resolve(qualified)

    def _leads_to_the_sdk(self, path: Path) -> bool:
        found = self.leads[path] = self.index.leads_to_the_sdk(path)
        if self.path is not None:
            self.index.note_dependency(self.path, path)
        return found

    def _resolve(self, qualified: str) -> tuple[ModuleSummary, str] | None:
        """The summary of the project module a name lives in, and the name inside it
        (`Billing.charge`), following re-exports of `__init__.py` files."""
        name = absolute_name(qualified, self.module)
        for _ in range(_MAX_REEXPORTS):
            if name is None:
                return None
            found = self.index.split(name)
            if found is None:
                return None
            summary, rest = self._summary(found[0]), found[1]
            head = rest.split(".", 1)[0]
            if head not in summary.imports:
                return summary, rest
            tail = rest[len(head) :]
            importer = ModuleName(summary.module, summary.is_package)
            name = absolute_name(summary.imports[head], importer)
            name = f"{name}{tail}" if name is not None else None
        return None

    def _summary(self, path: Path) -> ModuleSummary:
        summary = self.index.summary(path)
        self.used[path] = summary
        if self.path is not None:
            self.index.note_dependency(self.path, path)
        return summary
