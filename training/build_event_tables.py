"""Compile PETRARCH2's dictionaries and the CAMEO->PLOVER table into the shipped event tables.

    python -m training.build_event_tables [../shared/data/events]

Writes, under src/newsgraph/data/events/:
- ``cameo_plover.tsv``: CAMEO code -> PLOVER type, mode, contexts (CAMEO2PLOVER-2021.txt).
- ``cameo_verbs.tsv``: verb lemma -> CAMEO code, the default of its synset (CAMEO.2.0.txt).
- ``cameo_patterns.tsv``: verb lemma, a key word of its object -> CAMEO code (CAMEO.2.0.txt
  patterns ``- * OBJECT [code]``; the key word is the object's last plain word).
- ``actors.tsv.gz``: actor name -> Phoenix code (country, then sector letters), from the
  Phoenix country, international and non-state actor files; a person's latest role.
- ``agents.tsv``: role noun -> sector (Phoenix.agents.txt).

The sources are PETRARCH2's MIT-licensed dictionaries and the PLOVER project's conversion
table (CC BY-SA 4.0); see docs/events.md.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "events"
_CODE = re.compile(r"\[([0-9]{2,4})\]")
_WORD = re.compile(r"^[A-Z][A-Z'-]*$")


def _plain(word: str) -> str:
    return word.strip("+_ ").replace("_", " ").lower()


def cameo_plover(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        parts = [p.strip() for p in rest.split(",")]
        kind = parts[0].upper()
        mode = parts[1] if len(parts) > 1 else ""
        context = ",".join(p.strip() for p in parts[2:] if p.strip())
        if kind:
            rows.append((code.strip(), kind, mode, context))
    return rows


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME -> its words (the first word of each +entry)."""
    sets: dict[str, list[str]] = defaultdict(list)
    name = None
    for line in lines:
        if line.startswith("&"):
            name = line.split()[0]
        elif name and line.startswith("+"):
            sets[name].append(_plain(line.split("#")[0].split()[0]))
        elif not line.strip():
            name = None
    return sets


def _keywords(pattern: str, synsets: dict[str, list[str]]) -> list[str]:
    """The key words of what follows the verb: the last plain word of the object."""
    after = pattern.split("*", 1)[1]
    after = (
        re.sub(r"\([^)]*\)", " ", after)
        if re.search(r"\w", re.sub(r"\([^)]*\)", "", after))
        else after
    )
    words = re.findall(r"&?[A-Z][A-Z_'-]*", after)
    if not words:
        return []
    last = words[-1]
    if last.startswith("&"):
        return synsets.get(last, [])
    return [_plain(last)]


def cameo_verbs(path: Path) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = _synsets(lines)
    verbs: dict[str, str] = {}
    patterns: set[tuple[str, str, str]] = set()
    group_code = None
    members: list[str] = []
    started = False
    for line in lines:
        if "VERB PATTERNS" in line:
            started = True
            continue
        if not started:
            continue
        text = line.split("#", 1)[0].rstrip()
        if text.startswith("---"):
            code = _CODE.search(text)
            group_code = code.group(1) if code else None
            members = []
            continue
        if not text.strip():
            continue
        if text.startswith("-"):
            code = _CODE.search(text)
            if not code or "*" not in text:
                continue
            for key in _keywords(text[1 : code.start()], synsets):
                for verb in members:
                    patterns.add((verb, key, code.group(1)))
            continue
        head = text.split("{")[0].split("[")[0].strip()
        if not head or head.startswith("&"):
            continue
        verb = _plain(head.split()[0])
        if " " in verb:  # multi-word verbs are matched through the hand-written terms
            continue
        members.append(verb)
        own = _CODE.search(text)
        code = own.group(1) if own else group_code
        if code:
            verbs.setdefault(verb, code)
    return verbs, patterns


def _until(dates: str) -> str:
    """A sortable end of a dated role: open-ended (">yymmdd") last, then undated, then by end."""
    if dates.startswith(">"):
        return "99999999"
    if not dates:
        return "99990000"
    end = dates.rsplit("-", 1)[-1].lstrip("<")[-6:]
    if not end.isdigit():
        return "00000000"
    return ("19" if int(end[:2]) > 30 else "20") + end


def phoenix_actors(paths: list[Path]) -> dict[str, str]:
    """Actor name -> code; for people with dated roles, the latest role."""
    actors: dict[str, str] = {}
    names: list[str] = []
    codes: list[tuple[str, str]] = []

    def flush() -> None:
        if names and codes:
            code = max(codes, key=lambda c: c[1])[0]
            for name in names:
                # a person's lone surname ("howard", "king") names too many others: people
                # in the country file are kept by their full names only
                if len(name) > 1 and (" " in name or not people or len(code) <= 3):
                    actors.setdefault(name, code)

    for path in paths:
        people = "Countries" in path.name
        for raw in path.read_text(encoding="latin-1").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            stripped = line.strip()
            if stripped.startswith("["):
                code, _, dates = stripped.strip("[]").partition(" ")
                codes.append((code.strip("~"), _until(dates.strip())))
                continue
            if stripped.startswith("+"):
                names.append(_plain(stripped.split()[0]))
                continue
            flush()
            names, codes = [], []
            head, _, rest = stripped.partition("[")
            names.append(_plain(head.split()[0]) if head.split() else "")
            if rest:
                code, _, dates = rest.split("]")[0].strip().partition(" ")
                codes.append((code.strip("~"), _until(dates.strip())))
        flush()
        names, codes = [], []
    return actors


def phoenix_agents(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="latin-1")
    macros = dict(re.findall(r"^(!\w+!)\s*=\s*(.+)$", text, re.M))
    agents: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.match(r"^([A-Z!_'-]+)\s*\[~([A-Z]+)\]", line)
        if not match:
            continue
        name, code = match.groups()
        forms = [name]
        for macro, values in macros.items():
            if macro in name:
                forms = [name.replace(macro, v.strip()) for v in values.split(",")]
        for form in forms:
            agents.setdefault(_plain(form), code)
    return agents


def main(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    petrarch = source / "petrarch2"
    plover = cameo_plover(source / "CAMEO2PLOVER-2021.txt")
    with (OUT / "cameo_plover.tsv").open("w", encoding="utf-8") as out:
        out.write("# CAMEO code\tPLOVER type\tmode\tcontexts (from CAMEO2PLOVER-2021.txt)\n")
        for row in plover:
            out.write("\t".join(row) + "\n")
    verbs, patterns = cameo_verbs(petrarch / "CAMEO.2.0.txt")
    with (OUT / "cameo_verbs.tsv").open("w", encoding="utf-8") as out:
        out.write("# verb lemma\tCAMEO code (PETRARCH2 CAMEO.2.0.txt)\n")
        for verb, code in sorted(verbs.items()):
            out.write(f"{verb}\t{code}\n")
    lines = ["# verb lemma\tobject key word\tCAMEO code (PETRARCH2 CAMEO.2.0.txt)"]
    lines += ["\t".join(row) for row in sorted(patterns) if verbs.get(row[0]) != row[2]]
    (OUT / "cameo_patterns.tsv.gz").write_bytes(
        gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)
    )
    actors = phoenix_actors(
        [
            petrarch / "Phoenix.Countries.actors.txt",
            petrarch / "Phoenix.International.actors.txt",
            petrarch / "Phoenix.MilNonState.actors.txt",
        ]
    )
    lines = ["# actor name\tPhoenix code (PETRARCH2 Phoenix.*.actors.txt)"]
    lines += [f"{name}\t{code}" for name, code in sorted(actors.items())]
    # mtime 0: the same dictionaries give the same bytes
    (OUT / "actors.tsv.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    agents = phoenix_agents(petrarch / "Phoenix.agents.txt")
    with (OUT / "agents.tsv").open("w", encoding="utf-8") as out:
        out.write("# role noun\tsector (PETRARCH2 Phoenix.agents.txt)\n")
        for name, code in sorted(agents.items()):
            out.write(f"{name}\t{code}\n")
    print(
        f"{len(plover)} CAMEO codes, {len(verbs)} verbs, {len(patterns)} patterns, "
        f"{len(actors)} actors, {len(agents)} agents; "
        f"top sectors {Counter(agents.values()).most_common(5)}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/events"))
