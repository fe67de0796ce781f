"""All date rules, in the order they are tried.

Importing the rule modules registers their rules; anaphoric expressions
("the following year", resolved against the text's last date) come first,
then calendar expressions, relative ones, durations, sets and vague references.
"""

from __future__ import annotations

from newsgraph.dates import (  # noqa: F401
    rules_anchor,
    rules_calendar,
    rules_relative,
    rules_spans,
)
from newsgraph.dates.rule_base import RULES, Rule, duration_value

__all__ = ["RULES", "Rule", "duration_value"]
