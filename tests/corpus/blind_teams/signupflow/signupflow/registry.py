# shapes: service registry without the SDK: a Registry class holding clients as attributes (upstash_redis, OpenAI, a SQLModel engine), a module-level instance and a get_registry() accessor; only used inside steps
import os

from openai import OpenAI
from sqlmodel import Session, create_engine
from upstash_redis import Redis


class Registry:
    def __init__(self) -> None:
        self.redis = Redis.from_env()
        self.openai = OpenAI()
        self.engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///signup.db"))

    def session(self) -> Session:
        return Session(self.engine)


registry = Registry()


def get_registry() -> Registry:
    return registry
