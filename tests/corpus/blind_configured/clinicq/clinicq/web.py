# shapes: FastAPI app and the Serve object created here; the workflow modules are imported at the bottom (a cycle)
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

app = FastAPI(title="clinicq")
serve = Serve(app)

from clinicq.workflows import intake, reminders  # noqa: E402,F401
