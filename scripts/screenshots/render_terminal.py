"""Draw a terminal screen, as `tmux capture-pane -p -e` writes it (text with SGR escapes), to
a PNG: each run of cells becomes a styled span of a page that Debian's Chromium, driven by
Playwright, renders and photographs.

    python render_terminal.py SCREEN.ansi OUT.png
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FOREGROUND = "#e0e2ea"  # Neovim's default colour scheme (NvimLightGrey2 on NvimDarkGrey2)
BACKGROUND = "#14161b"
ESCAPE = re.compile(r"\x1b\[([0-9;:]*)m")
# The 16 basic colours (xterm's).
BASIC = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
]  # fmt: skip


def palette(index: int) -> str:
    """xterm's 256 colours."""
    if index < 16:
        return BASIC[index]
    if index < 232:
        index -= 16
        levels = [0, 95, 135, 175, 215, 255]
        red, green, blue = levels[index // 36], levels[index // 6 % 6], levels[index % 6]
        return f"#{red:02x}{green:02x}{blue:02x}"
    grey = 8 + (index - 232) * 10
    return f"#{grey:02x}{grey:02x}{grey:02x}"


@dataclass(frozen=True)
class Style:
    fg: str | None = None
    bg: str | None = None
    bold: bool = False
    italic: bool = False
    underline: str | None = None  # "solid" or "wavy"
    underline_color: str | None = None
    reverse: bool = False

    def css(self) -> str:
        fg, bg = self.fg or FOREGROUND, self.bg or BACKGROUND
        if self.reverse:
            fg, bg = bg, fg
        rules = [f"color:{fg}"]
        if bg != BACKGROUND:
            rules.append(f"background:{bg}")
        if self.bold:
            rules.append("font-weight:bold")
        if self.italic:
            rules.append("font-style:italic")
        if self.underline:
            color = self.underline_color or fg
            rules.append(f"text-decoration:underline {self.underline} {color}")
        return ";".join(rules)


def _color(values: list[list[str]]) -> tuple[str | None, int]:
    """The colour of a 38/48/58 parameter (`;` or `:` separated) and how many it used."""
    head = values[0]
    if len(head) > 1:  # 38:2::r:g:b or 38:5:n
        parts = [p for p in head[1:] if p != ""] if head[1] == "5" else head[1:]
        if parts[0] == "5":
            return palette(int(parts[1])), 1
        red, green, blue = (int(v or 0) for v in parts[-3:])
        return f"#{red:02x}{green:02x}{blue:02x}", 1
    mode = values[1][0]
    if mode == "5":
        return palette(int(values[2][0])), 3
    red, green, blue = (int(values[i][0]) for i in (2, 3, 4))
    return f"#{red:02x}{green:02x}{blue:02x}", 5


# SGR codes that set or reset one attribute, and what they set it to.
_SIMPLE_CODES: dict[int, dict[str, object]] = {
    1: {"bold": True},
    3: {"italic": True},
    7: {"reverse": True},
    22: {"bold": False},
    23: {"italic": False},
    24: {"underline": None},
    27: {"reverse": False},
    39: {"fg": None},
    49: {"bg": None},
    59: {"underline_color": None},
}


def apply_sgr(style: Style, parameters: str) -> Style:
    values = [part.split(":") for part in (parameters or "0").split(";")]
    index = 0
    while index < len(values):
        code = int(values[index][0] or 0)
        used = 1
        if code == 0:
            style = Style()
        elif code in _SIMPLE_CODES:
            style = replace(style, **_SIMPLE_CODES[code])  # type: ignore[arg-type]
        elif code == 4:
            kind = values[index][1] if len(values[index]) > 1 else "1"
            style = replace(
                style, underline=None if kind == "0" else ("wavy" if kind == "3" else "solid")
            )
        elif 30 <= code <= 37 or 90 <= code <= 97:
            style = replace(style, fg=palette(code - 30 if code < 90 else code - 82))
        elif 40 <= code <= 47 or 100 <= code <= 107:
            style = replace(style, bg=palette(code - 40 if code < 100 else code - 92))
        elif code in (38, 48, 58):
            color, used = _color(values[index:])
            field = {38: "fg", 48: "bg", 58: "underline_color"}[code]
            style = replace(style, **{field: color})
        index += used
    return style


def to_html(screen: str) -> str:
    style = Style()
    lines = []
    for line in screen.rstrip("\n").split("\n"):
        spans = []
        position = 0
        for match in ESCAPE.finditer(line):
            if match.start() > position:
                text = html.escape(line[position : match.start()])
                spans.append(f'<span style="{style.css()}">{text}</span>')
            style = apply_sgr(style, match.group(1))
            position = match.end()
        if position < len(line):
            spans.append(f'<span style="{style.css()}">{html.escape(line[position:])}</span>')
        lines.append("".join(spans))
    body = "\n".join(lines)
    return (
        "<!doctype html><meta charset=utf-8><style>body{margin:0;background:#0b0c0f}"
        f"pre{{display:inline-block;margin:0;padding:12px 14px;background:{BACKGROUND};"
        f"color:{FOREGROUND};font:15px/1.3 'DejaVu Sans Mono',monospace}}</style>"
        f"<pre>{body}</pre>"
    )


def render(screen: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only for the pictures)

    page_html = to_html(screen.read_text("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_content(page_html)
            page.locator("pre").screenshot(path=str(out))
        finally:
            browser.close()


if __name__ == "__main__":
    render(Path(sys.argv[1]), Path(sys.argv[2]))
