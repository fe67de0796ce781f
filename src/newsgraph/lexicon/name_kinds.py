"""Names of things the recogniser mistakes for persons or places.

Awards and ceremonies ("Oscar", "Golden Globes") are events, genres
("Comedy") are no names at all, and celestial bodies ("Earth", "Mars") are not
the small towns named after them unless the text places them.
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
