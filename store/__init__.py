"""Storage: SQLAlchemy models and the database connection (SQLite by default, PostgreSQL by URL)."""

from store.db import Base, base_de_datos, url_de_base

__all__ = ["Base", "base_de_datos", "url_de_base"]
