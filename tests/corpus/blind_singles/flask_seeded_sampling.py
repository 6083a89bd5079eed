# shapes: correct: Flask Serve(app).route (sync), context named `c`, a random.Random seeded with the run id sampling step results and deciding a step, uuid.uuid5 step names in a loop, time.strftime/time.gmtime with an explicit timestamp, `except WorkflowAbort: raise` before `except Exception` around a step, psycopg and time.sleep only inside steps (module-level functions called from lambdas)
import random
import time
import uuid

import psycopg
from flask import Flask
from upstash_workflow import WorkflowAbort, WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)

DSN = "postgresql://surveys:surveys@db/surveys"
SURVEY_NS = uuid.UUID("6f1c0d52-3f0e-4c1e-9d55-0b7f1e6a2c11")


def load_responses(survey_id: str) -> list[dict]:
    with psycopg.connect(DSN) as conn:
        rows = conn.execute(
            "select id, score from responses where survey_id = %s", (survey_id,)
        ).fetchall()
    return [{"id": str(r[0]), "score": int(r[1])} for r in rows]


def flag_for_review(response_id: str) -> None:
    with psycopg.connect(DSN) as conn:
        conn.execute("update responses set needs_review = true where id = %s", (response_id,))
    time.sleep(0.2)  # the review queue allows five writes per second


def open_audit(survey_id: str, period: str) -> dict:
    with psycopg.connect(DSN) as conn:
        conn.execute("insert into audits (survey_id, period) values (%s, %s)", (survey_id, period))
    return {"survey": survey_id, "period": period}


@serve.route("/surveys/sample")
def sample_survey(c: WorkflowContext[dict]) -> None:
    survey_id = c.request_payload["survey_id"]
    sample_size = int(c.request_payload.get("sample_size", 5))
    created_ts = c.request_payload["created_ts"]
    period = time.strftime("%Y-%m", time.gmtime(created_ts))

    responses = c.run("load-responses", lambda: load_responses(survey_id))

    rng = random.Random(c.workflow_run_id)
    picked = rng.sample(responses, k=min(sample_size, len(responses)))

    for response in picked:
        step_name = f"review-{uuid.uuid5(SURVEY_NS, response['id'])}"
        try:
            c.run(step_name, lambda rid=response["id"]: flag_for_review(rid))
        except WorkflowAbort:
            raise
        except Exception as exc:
            app.logger.warning("could not flag %s: %s", response["id"], exc)

    if rng.random() < 0.1:
        c.run("open-audit", lambda: open_audit(survey_id, period))

    low = [r["id"] for r in picked if r["score"] < 3]
    c.run("summarize", lambda: {"period": period, "picked": len(picked), "low": low})


@app.get("/surveys/health")
def health():
    return {"ok": True}
