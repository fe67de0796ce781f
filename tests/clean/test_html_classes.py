"""ClassIndex: a page's class and id attributes, read once, filtered by the steps that need them."""

from lxml.html import fromstring

from newsgraph.clean.html_classes import ClassIndex

PAGE = fromstring(
    '<html><body><div class="byline" id="top"><span class="author-name">Jane Doe</span></div>'
    '<section id="related-stories"><p class="Author">John Roe</p></section>'
    '<p class="teaser">Other</p></body></html>'
)


def test_elements_by_class_in_page_order():
    found = ClassIndex(PAGE).having("byline", "author", "Author")
    assert [el.text_content() for el in found] == ["Jane Doe", "Jane Doe", "John Roe"]
    assert [el.tag for el in found] == ["div", "span", "p"]


def test_ids_are_matched_only_when_asked_and_each_element_comes_once():
    index = ClassIndex(PAGE)
    assert [el.tag for el in index.having("related")] == []
    assert [el.tag for el in index.having("byline", ids=("top", "related"))] == ["div", "section"]
