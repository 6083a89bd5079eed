"""The project around a checked file: its modules, found from imports, and their summaries."""
