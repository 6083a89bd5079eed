# shapes: pure parsing helpers without the SDK (xml.etree, re, hashlib, chunking) and newest_entry() returning an instance of a project dataclass
import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass


@dataclass
class Entry:
    title: str
    link: str
    published: str


def slug(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-")[:40]


def parse_entries(xml_text: str) -> list[dict]:
    root = ET.fromstring(xml_text)
    return [
        {
            "title": (item.findtext("title") or "").strip(),
            "link": (item.findtext("link") or "").strip(),
            "published": (item.findtext("pubDate") or "").strip(),
            "key": dedupe_key(item.findtext("link") or ""),
        }
        for item in root.iter("item")
    ]


def newest_entry(xml_text: str) -> Entry:
    entries = parse_entries(xml_text)
    latest = max(entries, key=lambda e: e["published"])
    return Entry(title=latest["title"], link=latest["link"], published=latest["published"])


def dedupe_key(link: str) -> str:
    return hashlib.sha256(link.encode("utf-8")).hexdigest()


def chunk(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]
