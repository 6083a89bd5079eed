# shapes: a renamed package re-export (`latest_temperature as last_temp`)
from .readings import latest_temperature as last_temp

__all__ = ["last_temp"]
