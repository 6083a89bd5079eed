# Shapes: pathlib sources in orchestration (exists() on a resolve()-derived Path deciding an early return, a helper taking a Path parameter, glob() on a Path.home() join deciding steps, open()), Flask adapter; the same reads inside steps are fine.
from __future__ import annotations

import json
import logging
from pathlib import Path

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
ATTACHMENTS = Path.home() / "attachments"
SETTINGS_FILE = "/etc/mailer/settings.json"

app = Flask(__name__)
serve = Serve(app)


def load_template(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def render(template: str, recipient: dict) -> str:
    return template.replace("{{name}}", recipient["name"])


def upload(attachment: Path) -> dict:
    return {"name": attachment.name, "size": len(attachment.read_bytes())}


def deliver(recipient: dict, html: str) -> dict:
    return {"to": recipient["email"], "length": len(html)}


@serve.route("/mail/campaign")
def campaign(context: WorkflowContext[dict]) -> None:
    name = context.request_payload["template"]
    recipients = context.request_payload["recipients"]

    template_path = TEMPLATES / f"{name}.html"
    if not template_path.exists():  # expect: UWF103
        logger.error("unknown template %s", name)
        return  # expect: UWF104

    template = load_template(template_path)  # expect: UWF103

    for attachment in sorted(ATTACHMENTS.glob(f"{name}/*.pdf")):  # expect: UWF103, UWF105
        context.run(f"upload-{attachment.name}", lambda a=attachment: upload(a))

    for recipient in recipients:
        html = render(template, recipient)
        context.run(f"send-{recipient['email']}", lambda r=recipient, h=html: deliver(r, h))


@serve.route("/mail/settings-check")
def settings_check(context: WorkflowContext[dict]) -> None:
    with open(SETTINGS_FILE) as fh:  # expect: UWF103
        settings = json.load(fh)
    logger.info("mailer settings version %s", settings.get("version"))

    def _verify() -> dict:
        # reading files inside a step is fine: the result is recorded once
        current = json.loads(Path(SETTINGS_FILE).read_text())
        return {"version": current.get("version"), "templates": len(list(TEMPLATES.iterdir()))}

    context.run("verify-settings", _verify)
