"""What the model knows of names imported from the project's other modules (their
summaries), through one interface that a single-file check answers with nothing."""

from __future__ import annotations

from typing import Protocol

from wfcheck.project.summaries import FunctionSummary, ModuleSummary


class ImportedFacts(Protocol):
    """Answers for absolute or relative imported names (`app.db.load`, `..db.load`)."""

    # Whether any module can be read (the model skips every question when none can).
    reads_modules: bool
    # The checked file's path, as summaries name it (None for a file checked alone).
    own_path: str | None
    # The checked file's module (`app.db`; None for a file checked alone).
    own_module: str | None

    def function(self, qualified: str) -> tuple[FunctionSummary, ModuleSummary] | None:
        """The summary of a function or method of a project module, with its module's."""
        ...

    def serve_class(self, qualified: str) -> str | None:
        """The Serve class of a project module's module-level `serve = Serve(app)`."""
        ...

    def rejected_instance(self, qualified: str) -> str | None:
        """What a project module's class is (`a dataclass`), when json.dumps rejects its
        instances."""
        ...

    def is_context_type(self, qualified: str) -> bool: ...

    def is_project_name(self, qualified: str) -> bool:
        """A name of a module of the project (no summary is made to know it)."""
        ...

    def is_project_module(self, qualified: str) -> bool:
        """A module of the project itself (`app.main`; no summary is made to know it)."""
        ...

    def serve_passed_to(self, function: str, position: int | None, keyword: str) -> str | None:
        """The Serve class that another module of the project passes to a parameter of a
        module-level function of the checked file."""
        ...

    def origin(self, qualified: str) -> str | None:
        """The kind of object (a `sources.Origin` value) a project module's module-level name
        holds: a client, a session factory, a path, a random generator..."""
        ...

    def absolute(self, module: str) -> str:
        """The module a relative import names (`..db` in `app.services.billing`: `app.db`);
        as written when the checked file's own module is not known."""
        ...

    def opens_gate(self, qualified: str) -> bool:
        """A `Serve` object or a context type of a project module: the importer is workflow
        code (only modules that name the SDK, and packages that re-export, are read)."""
        ...


class NoImports:
    """A file checked alone: no name is imported from a module the analysis can read."""

    reads_modules = False
    own_path: str | None = None
    own_module: str | None = None

    def function(self, qualified: str) -> tuple[FunctionSummary, ModuleSummary] | None:
        return None

    def serve_class(self, qualified: str) -> str | None:
        return None

    def rejected_instance(self, qualified: str) -> str | None:
        return None

    def is_context_type(self, qualified: str) -> bool:
        return False

    def is_project_name(self, qualified: str) -> bool:
        return False

    def is_project_module(self, qualified: str) -> bool:
        return False

    def serve_passed_to(self, function: str, position: int | None, keyword: str) -> str | None:
        return None

    def origin(self, qualified: str) -> str | None:
        return None

    def opens_gate(self, qualified: str) -> bool:
        return False

    def absolute(self, module: str) -> str:
        return module


NO_IMPORTS = NoImports()
