# shapes: module without the SDK; step factories (lambdas, a `functools.partial`, nested defs) over `from . import seats as seat_api`; `welcome_email`, a pure function that returns a dict (called eagerly in enrolment.py)
import functools

from . import seats as seat_api


def waitlist_step(course_id: str, learner_id: str):
    return lambda: seat_api.add_to_waitlist(course_id, learner_id)


def reserve_seat_step(course_id: str, learner_id: str):
    return lambda: seat_api.reserve(course_id, learner_id)


def grant_access_step(course_id: str, learner_id: str):
    return functools.partial(seat_api.grant_access, course_id, learner_id)


def promote_step(course_id: str, learner_id: str):
    def _promote() -> dict:
        return seat_api.promote(course_id, learner_id)

    return _promote


def scoring_step(answers: list):
    def _score() -> dict:
        correct = sum(1 for a in answers if a.get("correct"))
        return {"correct": correct, "percent": round(100 * correct / max(1, len(answers)))}

    return _score


def certificate_step(learner_id: str, course_id: str):
    return lambda: {"learner": learner_id, "course": course_id, "template": "certificate-v2"}


def remedial_step(learner_id: str):
    return functools.partial(seat_api.assign_track, learner_id, "remedial")


def welcome_email(learner: dict) -> dict:
    return {"to": learner["email"], "template": "welcome", "name": learner.get("name", "")}
