# shapes: template helpers that never import the SDK: one returns bytes (read_bytes, json.dumps rejects it), one returns str (no findings here)
from __future__ import annotations

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
DEFAULT_VARIABLES = {"company": "Mailroom", "unsubscribe_url": "https://mailroom.example.com/unsubscribe"}


def load_template_bytes(name: str) -> bytes:
    return (TEMPLATE_DIR / f"{name}.html").read_bytes()


def render_template(name: str, variables: dict | None = None) -> str:
    text = (TEMPLATE_DIR / f"{name}.html").read_text(encoding="utf-8")
    merged = {**DEFAULT_VARIABLES, **(variables or {})}
    for key, value in merged.items():
        text = text.replace("{{ " + key + " }}", str(value))
    return text


def template_names() -> list[str]:
    return sorted(path.stem for path in TEMPLATE_DIR.glob("*.html"))
