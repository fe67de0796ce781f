"""The pages in a real browser: the system's chromium, driven by Playwright, against the
app served by uvicorn on a free port. Every page loads without a script error and
without asking any other host for anything; search, links between articles and actors,
the keyboard, the map, the network and Try it work; script and markup in articles
never run. A screenshot of each page at laptop and phone widths is saved under
test-output/screenshots/.

Skipped, with the reason, only where no chromium can be found."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import uvicorn

import newsgraph.store

from .conftest import XSS_IMG, XSS_LINK, XSS_SCRIPT

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
WIDTHS = {"laptop": (1366, 900), "phone": (390, 844)}


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium found (install it: apt-get install -y chromium); browser tests skipped",
)


@pytest.fixture(scope="module")
def base_url(web_app) -> Iterator[str]:
    """The app served by uvicorn in a background thread on a free port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    started = threading.Event()
    while not started.wait(0.02):
        if server.started:
            started.set()
        assert thread.is_alive(), "uvicorn stopped before it served"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@dataclass
class Watched:
    """A browser tab with everything it reports: dialogs (alert, confirm ...), console
    errors, uncaught script errors, and requests to any host but the app."""

    page: object
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], f"script errors: {self.errors}"
        assert self.elsewhere == [], f"requests to other hosts: {self.elsewhere}"

    def no_injected_markup(self) -> None:
        assert self.page.locator("img[src='x']").count() == 0
        assert self.page.locator("img[onerror]").count() == 0
        assert self.page.evaluate("() => window.__xss === undefined")


def _watch(page, base: str) -> Watched:
    watched = Watched(page)
    host = urlsplit(base).netloc

    def on_dialog(dialog) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def route(r) -> None:
        url = r.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == host:
            r.continue_()
        else:
            watched.elsewhere.append(url)
            r.abort()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: m.type == "error" and watched.errors.append(m.text))
    page.on("pageerror", lambda e: watched.errors.append(str(e)))
    page.route("**/*", route)
    return watched


@pytest.fixture
def tab(browser, base_url) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    watched = _watch(page, base_url)
    yield watched
    context.close()


@pytest.fixture(scope="module")
def ids(web_db) -> dict[str, str]:
    with newsgraph.store.open(web_db) as store:
        out = {a.title.split()[0].lower(): a.id for a in store.articles() if a.title}
        for row in store.top("speakers", limit=50):
            out[row["name"]] = row["key"]
    return out


def _pages(ids: dict[str, str]) -> dict[str, str]:
    return {
        "overview": "/",
        "search": "/search?q=harbour+OR+quotas",
        "article": f"/articles/{ids['storm']}",
        "actor": f"/actors/{quote(ids['Ivan Peric'], safe='')}",
        "country": "/actors/NOR",
        "try": "/try",
    }


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_loads_cleanly_and_is_screenshot(browser, base_url, ids, width):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    watched = _watch(page, base_url)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in _pages(ids).items():
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() == 1
        # nothing wider than the window: the page reads without sideways scrolling
        assert page.evaluate("() => document.documentElement.scrollWidth") <= w + 1, name
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        assert (SHOTS / f"{name}-{width}.png").stat().st_size > 0
    watched.clean()
    context.close()


def test_overview_map_and_network(tab, base_url, ids):
    page = tab.page
    page.goto(base_url + "/")
    page.wait_for_selector("#map.ready")
    page.wait_for_function(
        "() => document.querySelectorAll('#map .leaflet-overlay-pane path').length > 100"
    )
    assert page.locator("#map .leaflet-tile").count() == 0  # outlines only, no tiles
    page.wait_for_selector("#network.ready")
    nodes = page.locator("#network .node")
    assert nodes.count() >= 3
    layer = page.locator("#network svg > g")
    before = layer.get_attribute("transform")
    page.locator("#network svg").hover()
    page.mouse.wheel(0, -400)
    page.wait_for_function(
        "before => document.querySelector('#network svg > g').getAttribute('transform') !== before",
        arg=before,
    )
    ivan = page.locator("#network .node", has_text="Ivan Peric")
    ivan.click()
    page.wait_for_url(f"**/actors/{quote(ids['Ivan Peric'], safe='')}")
    assert page.locator("h1").inner_text() == "Ivan Peric"
    page.go_back()
    page.wait_for_selector("#network.ready")
    page.locator("#network .node", has_text="Andrej Plenkovic").focus()  # reachable by Tab
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/actors/{quote(ids['Andrej Plenkovic'], safe='')}")
    tab.clean()


def test_a_search_from_the_form_is_in_the_url(tab, base_url):
    page = tab.page
    page.goto(base_url + "/search")
    page.fill("#q", "quotas")
    page.locator("form.search summary").click()
    page.select_option("select[name=source]", "coastal.example")
    page.locator("form.search button[type=submit]").click()
    page.wait_for_url("**/search?q=quotas*")
    assert "source=coastal.example" in page.url
    assert page.locator(".count").inner_text().startswith("1 article")
    assert page.locator(".results mark").first.inner_text().lower() == "quotas"
    shared = page.url
    page.goto(base_url + "/")
    page.goto(shared)  # the same search, from the address alone
    assert page.locator(".count").inner_text().startswith("1 article")
    tab.clean()


def test_from_an_article_to_an_actor_and_back(tab, base_url, ids):
    page = tab.page
    page.goto(base_url + f"/articles/{ids['storm']}")
    title = page.locator("h1").inner_text()
    page.locator(".body a.mk", has_text="Ivan Peric").first.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").inner_text() == "Ivan Peric"
    assert page.locator("a", has_text=title).count() >= 1
    page.go_back()
    assert page.locator("h1").inner_text() == title
    page.locator("a", has_text="The record as JSON").click()
    assert ids["storm"] in page.content()
    tab.clean()


def test_the_keyboard_reaches_skip_link_and_marks(tab, base_url, ids):
    page = tab.page
    page.goto(base_url + f"/articles/{ids['storm']}")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    tip = page.locator("#tip")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('mk-quote')"):
            break
    else:
        pytest.fail("no quote mark was reached with Tab")
    assert tip.is_visible()
    assert "speaker: Ivan Peric" in tip.inner_text()
    assert "role: the mayor of Split" in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.locator(".body .mk-event").first.hover()
    assert tip.is_visible() and tip.inner_text().startswith("event: ")
    tab.clean()


def test_try_it_marks_up_a_pasted_article(tab, base_url):
    page = tab.page
    page.goto(base_url + "/try")
    page.fill(
        "#text",
        "Zagreb -- Croatia's prime minister Andrej Plenkovic said on Monday that the "
        'government would help the fishermen. "Nobody will be left alone," Plenkovic '
        "told reporters in Zagreb.",
    )
    assert not page.locator("#busy").is_visible()
    page.locator("form.try button[type=submit]").click()
    page.wait_for_selector(".result")
    assert page.locator(".result .body .mk-quote").count() >= 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "try-result-laptop.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("a[download]").click()
    assert download.value.suggested_filename.endswith(".json")
    tab.clean()


def test_script_in_articles_never_runs(tab, base_url, ids):
    page = tab.page
    page.add_init_script("window.alert = window.confirm = () => { window.__xss = true; };")
    for path in (
        f"/articles/{ids['council']}",
        "/search?q=phishing",
        "/search?q=click&kind=quotes",
    ):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        tab.no_injected_markup()
        assert XSS_SCRIPT in page.locator("main").inner_text() or "click" in path
    page.goto(base_url + f"/articles/{ids['council']}")
    assert page.locator(f"a[href^='{XSS_LINK[:11]}']").count() == 0
    page.goto(base_url + "/try")
    page.fill(
        "#text",
        f"<html><head><title>Warning {XSS_SCRIPT}</title></head><body><article>"
        f"<h1>Phishing {XSS_IMG}</h1><p>The council of Bergen warned on Friday about "
        f"{XSS_SCRIPT} messages, and said that residents should delete every one of them."
        '</p><p>"Never click such a link," said Marit Olsen, the head of security.</p>'
        f'<p><a href="{XSS_LINK}">Read more</a></p></article></body></html>',
    )
    page.select_option("select[name=format]", "html")
    page.locator("form.try button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    tab.no_injected_markup()
    assert page.locator(f"a[href^='{XSS_LINK[:11]}']").count() == 0
    tab.clean()
