# shapes: workflow module (SDK import); announce, an annotated one-step workflow helper whose step is a functools.partial over an imported function, called only from orchestration in pipeline.ingest; correct
import functools

from upstash_workflow import AsyncWorkflowContext

from feedhub import fetchers


async def announce(context: AsyncWorkflowContext[dict], feed_id: str) -> None:
    await context.run(f"announce-{feed_id}", functools.partial(fetchers.post_announcement, feed_id))
