# shapes: correct SDK module: FastAPI Serve(APIRouter) with the context class imported from upstash_workflow.fastapi; OpenAI and Anthropic sync clients at module level and AsyncOpenAI/AsyncAnthropic constructed inside the route (constructing is not I/O), used only inside nested async steps and lambdas; sync OpenAI reads inside a structlog argument and inside a call body (exempt); step results reduced to strings
import structlog
from anthropic import Anthropic, AsyncAnthropic
from fastapi import APIRouter
from openai import AsyncOpenAI, OpenAI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = structlog.get_logger(__name__)
router = APIRouter()
serve = Serve(router)
openai_sync = OpenAI()
claude = Anthropic()


@serve.post("/summarize")
async def summarize(context: AsyncWorkflowContext[dict]) -> None:
    document = context.request_payload["document"]
    writer = AsyncOpenAI(timeout=30.0)
    reviewer = AsyncAnthropic(max_retries=2)
    log.info("summarize requested", models=len(openai_sync.models.list().data))

    async def _draft() -> str:
        completion = await writer.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": document}])
        return completion.choices[0].message.content or ""

    draft = await context.run("draft", _draft)

    async def _review() -> str:
        message = await reviewer.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": draft}])
        return message.content[0].text

    review = await context.run("review", _review)
    verdict = await context.run("grade", lambda: claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=5, messages=[{"role": "user", "content": review}]).content[0].text)
    if verdict.strip().lower() == "reject":
        await context.run("redraft", lambda: openai_sync.responses.create(model="gpt-4o-mini", input=draft).output_text)
    await context.call("publish", url="https://cms.example.com/summaries", method="POST", body={"draft": draft, "review": review, "dims": len(openai_sync.embeddings.create(model="text-embedding-3-small", input=draft).data[0].embedding)})
