# shapes: module without the SDK; `from ...util.http import get_json` (three dots); `current_rate` reads the FX API through util/http.py and util/transport.py; a pure converter
from ...util.http import get_json


def current_rate(currency: str) -> float:
    rates = get_json("/fx/latest", base="EUR")["rates"]
    return float(rates[currency])


def to_eur_cents(amount_cents: int, rate: float) -> int:
    return round(amount_cents / rate)
