"""Settings read from the environment; names are a contract (see DESIGN.md)."""

import os
from pathlib import Path


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _normalise_database_url(url: str) -> str:
    """Point plain postgres URLs at psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def settings_from_environment(instance_path: str) -> dict:
    """Return the Flask settings for this process."""
    database_url = os.environ.get("DATABASE_URL") or "sqlite:///" + str(
        Path(instance_path) / "cocreate.db"
    )
    redis_url = os.environ.get("REDIS_URL") or None
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY") or _development_secret(instance_path),
        "SQLALCHEMY_DATABASE_URI": _normalise_database_url(database_url),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": redis_url,
        "MAIL_SERVER": os.environ.get("MAIL_SERVER") or None,
        "MAIL_PORT": int(os.environ.get("MAIL_PORT") or 25),
        "MAIL_USE_TLS": _flag("MAIL_USE_TLS"),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": os.environ.get("MAIL_DEFAULT_SENDER") or "cocreate@localhost",
        "MAIL_TIMEOUT": int(os.environ.get("MAIL_TIMEOUT") or 10),
        "MAIL_OUTBOX_DIR": str(Path(instance_path) / "outbox"),
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        # Shared figures (the barometer) are kept this long: in Redis when there is one,
        # else in the process.
        "CACHE_TYPE": "RedisCache" if redis_url else "SimpleCache",
        "CACHE_REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "cocreate:",
        "BAROMETER_CACHE_SECONDS": int(os.environ.get("BAROMETER_CACHE_SECONDS") or 300),
        "RATELIMIT_ENABLED": _flag("RATELIMIT_ENABLED", True),
        "BABEL_DEFAULT_LOCALE": "da",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).resolve().parent / "translations"),
        "LANGUAGES": ("da", "en"),
        "MUNICIPALITY_NAME": os.environ.get("MUNICIPALITY_NAME") or "Demo Kommune",
        "ACCESSIBILITY_STATEMENT_URL": os.environ.get("ACCESSIBILITY_STATEMENT_URL")
        or "https://www.was.digst.dk/",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE"),
        "PREFERRED_URL_SCHEME": os.environ.get("PREFERRED_URL_SCHEME") or "http",
        "SERVER_NAME": os.environ.get("SERVER_NAME") or None,
        # Where citizens reach the site; links in e-mails start here, never from the
        # request's Host header (which a visitor controls).
        "PUBLIC_URL": (os.environ.get("PUBLIC_URL") or "http://127.0.0.1:5000").rstrip("/"),
        # How many proxies (load balancer, nginx) stand in front and set X-Forwarded-*.
        "PROXY_HOPS": int(os.environ.get("PROXY_HOPS") or 0),
        "PER_PAGE": 20,
        "COMMENT_WINDOW_DAYS": int(os.environ.get("COMMENT_WINDOW_DAYS") or 14),
        # Flags that hide a comment until a moderator has looked at it.
        "COMMENT_FLAG_THRESHOLD": int(os.environ.get("COMMENT_FLAG_THRESHOLD") or 3),
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
    }


def _development_secret(instance_path: str) -> str:
    """Keep a random secret in instance/ so sessions survive restarts without SECRET_KEY."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(os.urandom(32).hex())
        path.chmod(0o600)
    return path.read_text().strip()
