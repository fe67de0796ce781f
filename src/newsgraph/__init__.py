"""newsgraph: turn raw news into a structured record of who said what, who did what to whom,
where and when."""

from newsgraph import dates
from newsgraph.errors import NewsgraphError
from newsgraph.options import Options
from newsgraph.pipeline import annotate, annotate_many, extract, prepare
from newsgraph.record import Article
from newsgraph.store import open

__version__ = "0.1.0"

__all__ = [
    "Article",
    "NewsgraphError",
    "Options",
    "__version__",
    "annotate",
    "annotate_many",
    "dates",
    "extract",
    "open",
    "prepare",
]
