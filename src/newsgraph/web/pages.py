"""HTML pages of the web app (filled in by the pages work; see data.py for what they can call)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
