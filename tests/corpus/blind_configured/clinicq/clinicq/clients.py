# shapes: module-level clients (no SDK): an httpx AsyncClient for the EHR and an OpenAI client
import os

import httpx
from openai import OpenAI

ehr = httpx.AsyncClient(base_url=os.environ.get("EHR_URL", "https://ehr.example.org/api"), timeout=15)
llm = OpenAI()
