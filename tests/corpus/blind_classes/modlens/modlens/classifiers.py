# shapes: no SDK: ToxicityClassifier keeps an httpx.Client in self.http (score() is reported at its orchestration call in pipelines.py); ReviewerPool.pick, a classmethod reading secrets.choice; KeywordFilter classmethod/staticmethod that are pure; ThreadSummarizer keeps an OpenAI client; module-level singletons `classifier` and `summarizer` used only inside steps; nothing here is a finding
import re
import secrets
from typing import List

import httpx
from openai import OpenAI


class ToxicityClassifier:
    def __init__(self, base_url: str = "https://classifier.internal") -> None:
        self.http = httpx.Client(base_url=base_url, timeout=5.0)

    def score(self, text: str) -> float:
        resp = self.http.post("/v1/toxicity", json={"text": text})
        return float(resp.json()["score"])


class ReviewerPool:
    REVIEWERS = ("ana", "bram", "chidi", "dana")

    @classmethod
    def pick(cls) -> str:
        return secrets.choice(cls.REVIEWERS)


class KeywordFilter:
    BLOCKLIST = ("scam", "giveaway", "crypto-doubler")

    @staticmethod
    def normalise(text: str) -> str:
        return re.sub(r"\s+", " ", text.lower()).strip()

    @classmethod
    def matches(cls, text: str) -> List[str]:
        clean = cls.normalise(text)
        return sorted(word for word in cls.BLOCKLIST if word in clean)


class ThreadSummarizer:
    def __init__(self) -> None:
        self.client = OpenAI()

    def summarize(self, text: str) -> str:
        completion = self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarize for a moderator:\n{text}"}])
        return completion.choices[0].message.content or ""


classifier = ToxicityClassifier()
summarizer = ThreadSummarizer()
