# shapes: clinic_is_closed reads time.localtime() without an argument; pick_overflow_room reads random.choice (no SDK)
import random
import time

OPEN_HOUR, CLOSE_HOUR = 7, 19


def clinic_is_closed() -> bool:
    now = time.localtime()
    return now.tm_hour < OPEN_HOUR or now.tm_hour >= CLOSE_HOUR or now.tm_wday == 6


def pick_overflow_room(rooms: list) -> str:
    return random.choice(rooms)
