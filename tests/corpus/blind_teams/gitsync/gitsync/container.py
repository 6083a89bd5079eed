# shapes: dependency-injection container without the SDK: settings read from os.environ at import time, a module-level upstash_redis client and SQLAlchemy engine/sessionmaker, get_db()/get_cache() factories and a pure key helper
import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker
from upstash_redis import Redis

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://localhost/gitsync")
REDIS_NAMESPACE = os.getenv("REDIS_NAMESPACE", "gitsync")

engine = create_engine(DATABASE_URL, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)
redis = Redis.from_env()

UPSERT_PR = text(
    "INSERT INTO pull_requests (repo, number, title, author, state) "
    "VALUES (:repo, :number, :title, :author, :state) "
    "ON CONFLICT (repo, number) DO UPDATE SET title = :title, state = :state"
)


def get_db():
    return SessionLocal()


def get_cache() -> Redis:
    return redis


def namespaced(key: str) -> str:
    return f"{REDIS_NAMESPACE}:{key}"
