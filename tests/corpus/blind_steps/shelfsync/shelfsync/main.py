# shapes: no SDK; the entry point imports the app and the workflow module for its registrations
from shelfsync.app import app
from shelfsync import workflows  # noqa: F401

__all__ = ["app"]
