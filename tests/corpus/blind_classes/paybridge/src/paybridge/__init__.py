# shapes: package marker of a src/ layout; no imports, nothing here is a finding
"""paybridge: invoicing, FX settlement and dunning workflows."""

__version__ = "0.4.2"
