# shapes: package __init__ re-exporting LLM helpers (`from .llm import ...`) that api.py imports from the package
from .llm import extract_keywords, summarize_url

__all__ = ["extract_keywords", "summarize_url"]
