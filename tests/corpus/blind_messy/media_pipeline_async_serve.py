# shapes: 5 labels. async_serve function form on Starlette, three routes; a plain def passed as async_serve(route_function=...) (304) whose two step calls, one in a loop over a pure plan, cannot be awaited (303, 303); a thumbnail route that validates, plans and logs but makes no step (301); a publish step that returns datetime.now() (204). Fine: a Rendition dataclass built by a pure planner in orchestration, boto3 and subprocess (ffprobe/ffmpeg) only inside steps, functools.partial and async def steps, a failure function, an isoformat() timestamp step, a loop of steps over a step result, an int sleep and a "2m" sleep
"""Media transcoding workflows (video platform)."""
import functools
import json
import logging
import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone

import boto3
import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_workflow import AsyncWorkflowContext, async_serve

log = logging.getLogger("media.pipeline")

MEDIA_BUCKET = os.environ.get("MEDIA_BUCKET", "media-masters")
CDN_API = os.environ.get("CDN_API", "https://cdn.internal/api")
CATALOG_API = os.environ.get("CATALOG_API", "https://catalog.internal/api")

s3 = boto3.client("s3")
http = httpx.AsyncClient(timeout=60)


@dataclass(frozen=True)
class Rendition:
    name: str
    height: int
    bitrate_k: int


LADDER = (Rendition("1080p", 1080, 6000), Rendition("720p", 720, 3500), Rendition("480p", 480, 1500))


def plan_renditions(source_height: int) -> list[Rendition]:
    return [r for r in LADDER if r.height <= source_height]


def plan_thumbnails(timestamps: list[float], width: int) -> list[dict]:
    return [{"at": round(t, 2), "width": width, "key": f"thumb-{i}"} for i, t in enumerate(sorted(timestamps))]


def probe(source_url: str) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "quiet", "-print_format", "json", "-show_streams", source_url],
        capture_output=True,
        check=True,
        text=True,
    )
    streams = json.loads(out.stdout)["streams"]
    video = next(s for s in streams if s["codec_type"] == "video")
    return {"height": int(video["height"]), "duration": float(video.get("duration", 0))}


def encode(asset_id: str, source_url: str, name: str, height: int, bitrate_k: int) -> dict:
    target = f"/tmp/{asset_id}-{name}.mp4"
    subprocess.run(
        ["ffmpeg", "-y", "-i", source_url, "-vf", f"scale=-2:{height}", "-b:v", f"{bitrate_k}k", target],
        check=True,
    )
    key = f"renditions/{asset_id}/{name}.mp4"
    s3.upload_file(target, MEDIA_BUCKET, key)
    return {"name": name, "key": key}


async def load_asset(asset_id: str) -> dict:
    resp = await http.get(f"{CATALOG_API}/assets/{asset_id}")
    resp.raise_for_status()
    return resp.json()


async def push_to_cdn(asset_id: str, renditions: list[dict]) -> dict:
    resp = await http.post(f"{CDN_API}/assets/{asset_id}/publish", json={"renditions": renditions})
    resp.raise_for_status()
    return {"cdn_url": resp.json()["url"]}


async def warm_edge(cdn_url: str, region: str) -> int:
    resp = await http.post(f"{CDN_API}/warm", json={"url": cdn_url, "region": region})
    return resp.status_code


def transcode(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
    source_url = context.request_payload["source_url"]
    asset_id = context.request_payload["asset_id"]
    source_height = int(context.request_payload.get("height", 1080))
    log.info("transcoding %s from %s", asset_id, source_url)

    context.run("probe-source", lambda: probe(source_url))  # expect: UWF303
    for rendition in plan_renditions(source_height):
        context.run(f"encode-{rendition.name}", functools.partial(encode, asset_id, source_url, rendition.name, rendition.height, rendition.bitrate_k))  # expect: UWF303
    log.info("transcode of %s queued", asset_id)


async def thumbnails(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    payload = context.request_payload or {}
    asset_id = payload.get("asset_id")
    if not asset_id:
        log.warning("thumbnail run %s without asset_id", context.workflow_run_id)
        return
    plan = plan_thumbnails(payload.get("timestamps", [1.0, 5.0, 10.0]), int(payload.get("width", 320)))
    log.info("thumbnail plan for %s: %s", asset_id, plan)
    # TODO(media-platform): render these in steps once the GPU pool is back
    return None


async def on_publish_failure(context, fail_status, fail_response, fail_headers):
    log.error("publish run %s failed (%s): %s", context.workflow_run_id, fail_status, fail_response)
    await http.post(f"{CATALOG_API}/assets/{context.request_payload.get('asset_id')}/publish-failed")


async def publish(context: AsyncWorkflowContext[dict]) -> None:
    asset_id = context.request_payload["asset_id"]
    regions = context.request_payload.get("regions", ["eu", "us"])

    asset = await context.run("load-asset", functools.partial(load_asset, asset_id))
    if asset.get("state") == "published":
        log.info("asset %s already published", asset_id)
        return

    published_at = await context.run("stamp-publish-time", lambda: datetime.now(timezone.utc))  # expect: UWF204
    stamped = await context.run("stamp-publish-time-iso", lambda: datetime.now(timezone.utc).isoformat())
    log.info("publishing %s (stamped %s / %s)", asset_id, published_at, stamped)

    cdn = await context.run("publish-cdn", functools.partial(push_to_cdn, asset_id, asset["renditions"]))
    await context.sleep("cdn-propagation", "2m")

    for region in regions:
        async def _warm(region=region) -> dict:
            return {"region": region, "status": await warm_edge(cdn["cdn_url"], region)}

        await context.run(f"warm-{region}", _warm)

    await context.sleep("catalog-settle", 30)
    await context.run(
        "mark-published",
        lambda: s3.put_object_tagging(
            Bucket=MEDIA_BUCKET,
            Key=f"masters/{asset_id}",
            Tagging={"TagSet": [{"Key": "published", "Value": "true"}]},
        )["ResponseMetadata"]["HTTPStatusCode"],
    )


transcode_endpoint = async_serve(route_function=transcode, retries=2)
thumbnails_endpoint = async_serve(thumbnails)
publish_endpoint = async_serve(publish, failure_function=on_publish_failure)

app = Starlette(
    routes=[
        Route("/workflows/transcode", transcode_endpoint["handler"], methods=["POST"]),
        Route("/workflows/thumbnails", thumbnails_endpoint["handler"], methods=["POST"]),
        Route("/workflows/publish", publish_endpoint["handler"], methods=["POST"]),
    ]
)
