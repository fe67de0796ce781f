"""Names of things the recogniser mistakes for persons or places.

Awards and ceremonies ("Oscar", "Golden Globes") are events, genres
("Comedy") are no names at all, celestial bodies ("Earth", "Mars") are not
the small towns named after them unless the text places them, and a few companies
that news names often are named like persons ("Freddie Mac").
"""

from __future__ import annotations

AWARDS = frozenset(
    {
        "oscar", "oscars", "academy award", "academy awards", "golden globe", "golden globes",
        "emmy", "emmys", "emmy award", "emmy awards", "grammy", "grammys", "grammy award",
        "grammy awards", "tony award", "tony awards", "bafta", "baftas", "pulitzer",
        "pulitzer prize", "nobel prize", "booker prize", "palme d'or", "golden bear",
        "golden lion", "ballon d'or", "cesar", "cesars", "golden raspberry",
    }
)  # fmt: skip

GENRES = frozenset(
    {
        "comedy", "drama", "thriller", "horror", "documentary", "romance", "fantasy",
        "musical", "animation", "western", "sci-fi", "science fiction", "action",
        "adventure", "mystery", "crime", "biography", "reality", "sitcom", "jazz", "pop",
        "rock", "hip-hop", "hip hop", "country", "folk", "blues", "soul", "techno",
    }
)  # fmt: skip

CELESTIAL = frozenset(
    {
        "earth", "mars", "venus", "mercury", "jupiter", "saturn", "uranus", "neptune",
        "pluto", "moon", "sun", "milky way",
    }
)  # fmt: skip

# Companies whose names read as a given name and a surname, so that a given name is no
# evidence of a person in them.
PERSON_LIKE_COMPANIES = frozenset(
    {
        "freddie mac", "fannie mae", "ginnie mae", "sallie mae", "farmer mac", "dow jones",
        "charles schwab", "edward jones", "morgan stanley", "merrill lynch", "dean witter",
        "goldman sachs", "raymond james", "tommy hilfiger", "calvin klein", "ralph lauren",
        "estee lauder", "jimmy choo", "kate spade", "marc jacobs",
        "michael kors", "victoria's secret", "john lewis", "harvey nichols", "ted baker",
        "louis vuitton", "christian dior", "walt disney", "ben & jerry's",
    }
)  # fmt: skip

# Abbreviations of things, not names, that the recogniser types as organisations.
NOT_NAMES = frozenset({"AI", "GDP", "CEO", "CFO", "COO", "IPO", "ESG", "EV", "EVs"})
