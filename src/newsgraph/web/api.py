"""The JSON API under /api (docs/web.md)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
