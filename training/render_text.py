"""The shared HTML pages as text, the way different scrapers render them.

    python -m training.render_text [--html DIR] [--out PATH]

Each page of ``body-html/html`` is turned into plain text by several tools
(html-text, inscriptis and html2text from the ``train`` extra; ``lynx -dump``
and ``w3m -dump`` when they are installed), so that the text classifier trains
on more than one scraper's layout of the same sites. The renderings are
written once to a JSON cache, ``{page id: {tool: text}}``; training reads it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_HTML = ROOT.parent / "shared" / "data" / "body-html" / "html"
DEFAULT_OUT = ROOT / "training" / "cache" / "renderings.json"
_TIMEOUT_S = 60


def _html_text(page: str) -> str:
    import html_text

    return html_text.extract_text(page, guess_layout=True)


def _inscriptis(page: str) -> str:
    from inscriptis import get_text

    return get_text(page)


def _html2text(page: str) -> str:
    import html2text

    conv = html2text.HTML2Text()
    conv.body_width = 0
    conv.ignore_links = True
    conv.ignore_images = True
    return conv.handle(page)


def _command(args: list[str]) -> Callable[[str], str]:
    def run(page: str) -> str:
        done = subprocess.run(
            args, input=page.encode("utf-8"), capture_output=True, timeout=_TIMEOUT_S, check=True
        )
        return done.stdout.decode("utf-8", errors="replace")

    return run


def renderers() -> dict[str, Callable[[str], str]]:
    """The tools available here, by name."""
    tools: dict[str, Callable[[str], str]] = {
        "html-text": _html_text,
        "inscriptis": _inscriptis,
        "html2text": _html2text,
    }
    charset = ["-assume_charset=utf-8", "-display_charset=utf-8"]
    if shutil.which("lynx"):
        tools["lynx"] = _command(["lynx", "-dump", "-stdin", "-nolist", "-width=1000", *charset])
    if shutil.which("w3m"):
        tools["w3m"] = _command(
            ["w3m", "-dump", "-T", "text/html", "-cols", "1000", "-I", "utf-8", "-O", "utf-8"]
        )
    return tools


def render_all(html_dir: Path) -> dict[str, dict[str, str]]:
    """Every page rendered by every tool; a tool that fails on a page is left out there."""
    tools = renderers()
    out: dict[str, dict[str, str]] = {}
    for path in sorted(html_dir.glob("*.html.gz")):
        page = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        texts = {}
        for name, fn in tools.items():
            try:
                texts[name] = fn(page)
            except (subprocess.SubprocessError, ValueError) as exc:
                print(f"{path.name}: {name} failed ({exc})", file=sys.stderr)
        out[path.name.removesuffix(".html.gz")] = texts
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=DEFAULT_HTML)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not args.html.is_dir():
        print(f"data not found: {args.html}", file=sys.stderr)
        return 2
    rendered = render_all(args.html)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rendered, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out}: {len(rendered)} pages, tools {sorted(renderers())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
