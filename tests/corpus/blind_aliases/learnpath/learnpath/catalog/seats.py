# shapes: module without the SDK; a module-level `httpx.Client` to the LMS; seat reads and writes (I/O)
import os

import httpx

LMS = httpx.Client(base_url=os.environ.get("LMS_URL", "https://lms.internal/api"), timeout=5.0)


def seats_left(course_id: str) -> int:
    return int(LMS.get(f"/courses/{course_id}/seats").json()["left"])


def waitlist_position(course_id: str, learner_id: str) -> int:
    return int(LMS.get(f"/courses/{course_id}/waitlist/{learner_id}").json()["position"])


def add_to_waitlist(course_id: str, learner_id: str) -> dict:
    return LMS.post(f"/courses/{course_id}/waitlist", json={"learner": learner_id}).json()


def reserve(course_id: str, learner_id: str) -> dict:
    return LMS.post(f"/courses/{course_id}/reservations", json={"learner": learner_id}).json()


def grant_access(course_id: str, learner_id: str) -> dict:
    return LMS.post(f"/courses/{course_id}/members", json={"learner": learner_id}).json()


def promote(course_id: str, learner_id: str) -> dict:
    return LMS.post(f"/courses/{course_id}/waitlist/{learner_id}/promote").json()


def confirm(course_id: str, learner_id: str) -> dict:
    return LMS.post(f"/courses/{course_id}/members/{learner_id}/confirm").json()


def assign_track(learner_id: str, track: str) -> dict:
    return LMS.put(f"/learners/{learner_id}/track", json={"track": track}).json()
