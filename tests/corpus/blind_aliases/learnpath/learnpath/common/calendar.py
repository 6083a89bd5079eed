# shapes: module without the SDK; clock helpers chained through `today()` (`term_is_open`, `is_graduation_week`); `# wfcheck: deterministic` on the `def` line of `current_term`, which would otherwise read the clock
from datetime import date

TERM_WINDOWS = ((1, 15, 5, 31), (9, 1, 12, 20))
GRADUATION_WEEKS = {23, 50}


def today() -> date:
    return date.today()


def term_is_open() -> bool:
    d = today()
    return any(date(d.year, m1, d1) <= d <= date(d.year, m2, d2) for m1, d1, m2, d2 in TERM_WINDOWS)


def is_graduation_week() -> bool:
    return today().isocalendar()[1] in GRADUATION_WEEKS


def current_term() -> str:  # wfcheck: deterministic
    # Enrolment runs never outlive a term; the term label is stable for a run.
    d = date.today()
    return f"{d.year}-{'spring' if d.month < 7 else 'fall'}"
