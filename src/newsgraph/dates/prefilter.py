"""What every match of a pattern must contain: a cheap test before running the pattern.

``required(pattern)`` reads the compiled pattern's syntax tree and returns a
few clauses, each a set of pieces (escaped literal strings, or ``\\d``), such
that every match contains at least one piece of every clause: "in March 1987"
needs a month name and a digit. ``screens(pattern)`` compiles each clause into
one search; a stretch of text where one of them finds nothing cannot hold a
match, so the pattern need not be run there, and skipping it changes nothing
but the time taken. The pieces come from the pattern itself, never from a list
kept by hand, so a new rule is covered as it is written; a construct the
reading does not know (a lookaround, a negated class) simply requires nothing.

The syntax tree comes from the ``re`` module's private parser (``re._parser``,
``re._constants``, Python 3.11 on). A Python without them, or whose tree has
another shape, gets no screens: every rule then runs in every window, slower
and with the same dates.
"""

from __future__ import annotations

import re

try:
    from re import _constants as C  # noqa: N812 (the names of the syntax tree's nodes)
    from re import _parser
except ImportError:  # another Python's private modules: no screens, every rule runs
    C = _parser = None

Clause = frozenset[str]  # one of these pieces (regular-expression sources) is in every match
# Beyond this many pieces a clause costs more to search than it saves.
_MAX_PIECES = 64
# The most selective clauses kept per pattern.
_MAX_CLAUSES = 3
_REPEATS = (
    tuple(getattr(C, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
    if C
    else ()
)


def required(pattern: re.Pattern) -> list[Clause]:
    """Clauses every match of ``pattern`` satisfies, the most selective first; [] if unknown."""
    if _parser is None or pattern.flags & re.IGNORECASE:
        return []
    try:
        clauses = set(_of_sequence(_parser.parse(pattern.pattern, pattern.flags)))
    except (AttributeError, TypeError, ValueError):  # a syntax tree of another shape
        return []
    return sorted(clauses, key=_selectivity, reverse=True)[:_MAX_CLAUSES]


def screens(pattern: re.Pattern) -> tuple[re.Pattern, ...]:
    """Searches that each find something wherever ``pattern`` can match (none if unknown)."""
    return tuple(
        re.compile("|".join(sorted(clause, key=lambda p: (-len(p), p))))
        for clause in required(pattern)
    )


def _selectivity(clause: Clause) -> tuple[int, int, list[str]]:
    """Longer shortest piece, then fewer pieces: rarer in text (the list only breaks ties)."""
    return min(map(len, clause)), -len(clause), sorted(clause)


def _of_sequence(items) -> list[Clause]:
    """A sequence needs what each of its items needs; a run of literals needs its string."""
    clauses: list[Clause] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            clauses.append(frozenset({re.escape("".join(run))}))
            run = []
        if op is not None:
            clauses.extend(_of_node(op, av))
    return clauses


def _of_node(op, av) -> list[Clause]:
    if op is C.SUBPATTERN:
        _, add_flags, _, body = av
        return [] if add_flags & re.IGNORECASE else _of_sequence(body)  # "(?i:...)" ignores case
    if op is C.ATOMIC_GROUP:
        return _of_sequence(av)
    if op in _REPEATS:
        low, _, body = av
        return _of_sequence(body) if low >= 1 else []
    if op is C.BRANCH:
        return _either([_of_sequence(alt) for alt in av[1]])
    if op is C.IN:
        return _of_class(av)
    return []  # anchors, lookarounds, any character, back references: nothing required


def _either(alternatives: list[list[Clause]]) -> list[Clause]:
    """One clause for an alternation: the pieces of each alternative's most selective clause."""
    if not all(alternatives):
        return []
    merged = frozenset().union(*(max(alt, key=_selectivity) for alt in alternatives))
    return [merged] if len(merged) <= _MAX_PIECES else []


def _of_class(items) -> list[Clause]:
    """The characters of a class such as ``[0-9]``, ``\\d`` or ``[.,]``; nothing if negated or wide.

    ``\\d`` stays ``\\d``: it matches every Unicode digit, not only 0-9.
    """
    pieces: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            pieces.add(re.escape(chr(av)))
        elif op is C.RANGE and av[1] - av[0] < _MAX_PIECES:
            pieces.update(re.escape(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            pieces.add(r"\d")
        else:
            return []
    return [frozenset(pieces)] if len(pieces) <= _MAX_PIECES else []
