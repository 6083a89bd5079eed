"""wfcheck: finds Upstash Workflow replay mistakes in Python code."""

__version__ = "0.1.0"
