# shapes: package re-export of the HTTP client wrapper module (from . import github), used as clients.github.get_repo(...) by the workflows
from . import github

__all__ = ["github"]
