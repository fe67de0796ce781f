import pytest

from newsgraph.countries import country_code, country_name, is_country_name, is_demonym


@pytest.mark.parametrize(
    "text, code",
    [
        ("Azerbaijan", "AZE"),
        ("Azerbaijani", "AZE"),
        ("Azerbaijanis", "AZE"),
        ("Israelis", "ISR"),
        ("American", "USA"),
        ("Iran's", "IRN"),
        ("the U.S.", "USA"),
        ("UK", "GBR"),
        ("Russia", "RUS"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("French", "FRA"),
        ("Swiss", "CHE"),
        ("Frenchmen", "FRA"),
        ("Korea, Republic of", "KOR"),
        ("South Korean", "KOR"),
        ("Ivory Coast", "CIV"),
    ],
)
def test_country_code_names_and_demonyms(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    "text", ["Baku", "Ganja", "us", "Arab", "Kurdish", "Congolese", "Korea", "", "   ", "'s"]
)
def test_country_code_none_for_non_countries_and_ambiguous_forms(text):
    assert country_code(text) is None


def test_plural_not_derived_for_words_that_take_no_s():
    assert country_code("Chineses") is None
    assert country_code("Swisss") is None


def test_is_country_name_separates_names_from_demonyms():
    assert is_country_name("Iran")
    assert is_country_name("the US")
    assert not is_country_name("Iranian")
    assert not is_country_name("Baku")
    assert country_code("Scotland") == "GBR" and not is_country_name("Scotland")
    assert country_code("the Gaza Strip") == "PSE" and not is_country_name("Gaza Strip")


def test_country_name_prefers_common_form():
    assert country_name("IRN") == "Iran"
    assert country_name("rus") == "Russia"
    assert country_name("XXX") is None
    assert country_name("") is None


def test_long_or_odd_input_does_not_crash():
    assert country_code("x" * 10_000) is None
    assert country_code(None) is None  # type: ignore[arg-type]


def test_is_demonym():
    assert is_demonym("Azerbaijanis") and is_demonym("French")
    assert not is_demonym("Azerbaijan") and not is_demonym("Scotland") and not is_demonym("Arab")


def test_the_states_is_a_country_only_with_its_capital():
    assert country_code("the States") == "USA"
    assert country_code("states") is None
    assert country_code("all coastal states") is None
