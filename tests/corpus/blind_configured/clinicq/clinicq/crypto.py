# shapes: random_suffix reads secrets.token_hex (no SDK)
import secrets


def random_suffix(nbytes: int = 4) -> str:
    return secrets.token_hex(nbytes)
