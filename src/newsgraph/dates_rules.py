"""All date rules, in the order they are tried.

Importing the rule modules registers their rules; calendar expressions come
first, then relative ones, then durations, sets and vague references.
"""

from __future__ import annotations

from newsgraph import dates_rules_calendar, dates_rules_relative, dates_rules_spans  # noqa: F401
from newsgraph.dates_rule_base import RULES, Rule, duration_value

__all__ = ["RULES", "Rule", "duration_value"]
