"""docs/cli.md is the real --help of every command, regenerated."""

from pathlib import Path

from newsgraph.cli_reference import reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: python -m newsgraph.cli_reference > docs/cli.md"
    )
