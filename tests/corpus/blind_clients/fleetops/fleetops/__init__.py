# shapes: package marker (no SDK, no code)
"""Fleetops: vehicle dispatch and maintenance workflows (Flask)."""
