# shapes: package marker (no SDK, no code)
"""Pantry: stock keeping and catalog workflows."""
