# shapes: email helpers without the SDK: pure template selection/rendering and a requests-based sender; a webhook URL read from os.environ at import time
import os
import string

import requests

HOOK_URL = os.environ.get("CHECKIN_HOOK_URL", "https://hooks.signupflow.example/checkin")
MAIL_API = os.environ.get("MAIL_API", "https://mail.internal/v1")

TEMPLATES = {
    "video_tour": string.Template("Hi $name, here is a 3 minute video tour: $link"),
    "email_tour": string.Template("Hi $name, here are five things to try first: $link"),
}


def display_name(email: str) -> str:
    return email.split("@", 1)[0].replace(".", " ").title()


def render(template: str, email: str) -> str:
    return TEMPLATES[template].substitute(name=display_name(email), link="https://signupflow.example/start")


def send(email: str, template: str) -> int:
    return requests.post(f"{MAIL_API}/send", json={"to": email, "text": render(template, email)}, timeout=10).status_code
