"""The web app: HTML pages and a JSON API over a store, read-only by default (docs/web.md)."""
