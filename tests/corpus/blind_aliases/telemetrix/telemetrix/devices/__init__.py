# shapes: package re-exports with explicit names (`lookup_device`, `device_cache`)
from .registry import device_cache, lookup_device

__all__ = ["device_cache", "lookup_device"]
