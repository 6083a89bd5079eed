# shapes: new_reference -> crypto.random_suffix -> secrets.token_hex (no SDK)
from clinicq.crypto import random_suffix


def new_reference() -> str:
    return f"R{random_suffix()}"
