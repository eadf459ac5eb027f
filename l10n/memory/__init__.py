"""Translation memory: ``store`` (SQLite, approved translations) and ``tmx`` (exchange)."""
