"""The quotes annotator's settings: its attribution strategies and every threshold it uses.

Users override them through ``Options(settings={"quotes": {...}})``; the
defaults are the values the quotes modules were tuned with (on PolNeAR train).
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The ways a direct quote's speaker is found, in the order they are tried (``quote_strategies``).
StrategyName = Literal[
    "verb_subject",
    "dash",
    "lead_in",
    "line_before",
    "headline_label",
    "governing_verb",
    "previous_quote",
]
STRATEGY_NAMES: tuple[StrategyName, ...] = get_args(StrategyName)


class QuoteSettings(BaseModel):
    """Strategies and thresholds of the quotes annotator."""

    model_config = ConfigDict(frozen=True)

    strategies: tuple[StrategyName, ...] = Field(
        STRATEGY_NAMES,
        description="Strategies that attribute a direct quote, tried in this order; "
        "'previous_quote' fills in what the others leave, so it comes last.",
    )
    after_reach_words: int = Field(
        8,
        description="A verb of saying after a quote that ends a sentence counts only "
        "within this many words of it.",
    )
    inherit_lines: int = Field(
        1,
        description="A quote takes the speaker of the quote before it at most this many lines up.",
    )
    min_unattributed_words: int = Field(
        4,
        description="A direct quote with no attribution and fewer words is a title or a "
        "scare quote, and dropped.",
    )
    title_max_words: int = Field(
        5,
        description="A quoted name in title case of up to this many words is a title, dropped "
        "(longer ones too after a title noun such as 'film' or a naming word such as 'titled').",
    )
    scare_quote_words: int = Field(
        2,
        description="A direct quote of up to this many words is a scare quote, dropped, unless "
        "a verb of saying or naming gives it a speaker.",
    )
    governor_climb: int = Field(
        8, description="Steps up the parse from a quote to the verb of the clause it sits in."
    )
    mixed_extra_words: int = Field(
        1,
        description="A clause holding a quote is a mixed quote only with more than this many "
        "words beyond the quoted ones.",
    )
    min_reported_chars: int = Field(
        8, description="Reported content shorter than this many characters is dropped."
    )
    min_unquoted_words: int = Field(
        2,
        description="Reported content with fewer words outside quote marks is a direct quote "
        "with its cue, left to the direct finder.",
    )
    min_label_words: int = Field(
        3, description="Words a headline needs after its 'Name:' label to be a quotation."
    )
    min_content_tokens: int = Field(
        2, description="Tokens reported content needs (after trimming punctuation)."
    )
    subject_climb: int = Field(
        4, description="Verbs climbed from a cue to find its subject ('went on to say')."
    )
    near_chars: int = Field(
        1000,
        description="A subject further than this many characters from its cue is the parser "
        "running sentences together.",
    )
    near_tokens: int = Field(
        40, description="Tokens looked back from a cue for a noun when its subject is too far."
    )
    max_nesting: int = Field(8, description="Quote marks nested deeper than this are ignored.")
    max_elision_chars: int = Field(
        2,
        description="Single marks this close together are an elision ('n'), not a quotation.",
    )
    min_unclosed_chars: int = Field(
        2, description="Characters an unclosed quote needs to be taken to the end of its line."
    )
    referent_lookback: int = Field(
        600,
        description="Characters a pronoun or nominal speaker looks back for a mention of its "
        "preferred entity type, a subject first.",
    )
    referent_reach: int = Field(
        20_000, description="Characters it looks back for a mention of any compatible type."
    )

    @field_validator("strategies")
    @classmethod
    def _previous_quote_last(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a strategy is named twice")
        if "previous_quote" in value[:-1]:
            raise ValueError("'previous_quote' fills in what the others leave: put it last")
        return value


DEFAULT_SETTINGS = QuoteSettings()
