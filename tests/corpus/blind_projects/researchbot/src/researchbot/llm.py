# shapes: OpenAI helpers that never import the SDK: a summary returning str, a keyword extractor returning a set (json.dumps rejects it), a report draft returning a dict (no findings here)
from __future__ import annotations

from openai import OpenAI

from researchbot.http_util import fetch_text

client = OpenAI()
MODEL = "gpt-4o-mini"


def _complete(prompt: str) -> str:
    completion = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": prompt}])
    return completion.choices[0].message.content or ""


def summarize_url(url: str) -> str:
    return _complete(f"Summarize this page in five bullet points:\n\n{fetch_text(url, 12000)}")


def extract_keywords(text: str) -> set[str]:
    raw = _complete(f"List the ten most important keywords, comma separated:\n\n{text[:8000]}")
    return {word.strip().lower() for word in raw.split(",") if word.strip()}


def draft_report(topic: str, sources: list[dict]) -> dict:
    joined = "\n\n".join(f"{source['url']}\n{source['text'][:2000]}" for source in sources)
    body = _complete(f"Write a short research report on {topic!r} from these sources:\n\n{joined}")
    return {"title": topic.title(), "body": body, "source_count": len(sources)}
