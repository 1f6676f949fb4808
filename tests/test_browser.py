"""The web page as a person uses it, in a real headless Chromium driven by Playwright.

./run_tests.sh installs Debian's chromium when it is missing (or Playwright's own build
where apt-get cannot). Each test runs against a live uvicorn on a real database.
Screenshots of the main view at desktop and phone widths are saved in the pytest tmp
folder on every run (their paths are printed with -s).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect, sync_playwright

from tests.fake_llm import FakeLLM, Reply
from tests.live_server import LiveServer
from tests.test_faults import ThrowawayPostgres

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """Debian's chromium when present; None lets Playwright use its own installed build."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def server(live_server: Callable[..., LiveServer]) -> LiveServer:
    return live_server(LOG_LEVEL="WARNING")


def open_as(page: Page, server: LiveServer, user: str) -> None:
    page.goto(server.url + "/")
    page.fill("#user-id", user)
    page.press("#user-id", "Tab")  # commits the change, which loads that user's memories


def send(page: Page, message: str) -> None:
    page.fill("#message", message)
    page.press("#message", "Enter")


def profile(server: LiveServer, user: str, headers: dict[str, str] | None = None) -> dict:
    return httpx.get(f"{server.url}/users/{user}/profile", headers=headers, timeout=10).json()


def memory(page: Page, field: str) -> Locator:
    return page.locator(f'#memories [data-field="{field}"]')


def test_design_messages_notice_and_memories(page: Page, server: LiveServer, tmp_path: Path) -> None:
    user = f"web_{uuid.uuid4().hex[:8]}"
    open_as(page, server, user)
    expect(page.locator("#status")).to_contain_text("Extractor: built-in rules")
    expect(page.locator("#status")).to_contain_text("external PostgreSQL")
    expect(page.locator("#memories-empty")).to_be_visible()

    send(page, "My name is Alice. I'm a software engineer.")
    notice = page.locator("#notice")
    expect(notice).to_contain_text("Memory updated")
    expect(notice.locator('[data-event="ADD"]')).to_have_count(2)
    expect(notice).to_contain_text("name: Alice")
    expect(memory(page, "name").locator("input")).to_have_value("Alice")
    expect(memory(page, "role").locator("input")).to_have_value("software engineer")
    expect(page.locator("#chat-log li")).to_have_count(1)

    send(page, "I love Python and JavaScript.")
    expect(notice).to_contain_text("likes: Python, JavaScript")
    expect(memory(page, "likes").locator(".chip")).to_have_count(2)
    expect(memory(page, "likes")).to_contain_text("updated")

    send(page, "I need help debugging this function.")
    expect(notice).to_contain_text("Nothing to remember")
    assert profile(server, user) == {"name": "Alice", "role": "software engineer", "likes": ["Python", "JavaScript"]}

    send(page, "I don't like Python anymore.")
    expect(notice.locator('[data-event="REMOVE"]')).to_contain_text("likes: Python")
    send(page, "I moved to Lisbon. Actually I'm now a data engineer.")
    expect(notice.locator('[data-event="UPDATE"]')).to_contain_text("role: data engineer")
    expect(page.locator("#chat-log li")).to_have_count(5)

    # The main view, at desktop and phone widths, on every run.
    page.screenshot(path=str(tmp_path / "desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    print(f"\nscreenshots: {tmp_path / 'desktop.png'} {tmp_path / 'phone.png'}")
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        for name in ("desktop.png", "phone.png"):
            shutil.copy(tmp_path / name, Path(shots) / name)


def test_edit_remove_chip_delete_field_and_forget(page: Page, server: LiveServer) -> None:
    user = f"web_{uuid.uuid4().hex[:8]}"
    httpx.put(f"{server.url}/users/{user}/memories/role", json={"value": "teacher"}, timeout=10)
    httpx.put(f"{server.url}/users/{user}/memories/likes", json={"value": ["tea", "chess", "jazz"]}, timeout=10)
    httpx.put(f"{server.url}/users/{user}/memories/location", json={"value": "Oslo"}, timeout=10)
    open_as(page, server, user)

    # Edit a scalar in place.
    role = memory(page, "role").locator("input")
    role.fill("head teacher")
    role.press("Enter")
    expect(memory(page, "role").locator("input")).to_have_value("head teacher")
    assert profile(server, user)["role"] == "head teacher"

    # Remove one chip, then add one.
    memory(page, "likes").get_by_role("button", name="Remove chess from likes").click()
    expect(memory(page, "likes").locator(".chip")).to_have_count(2)
    assert profile(server, user)["likes"] == ["tea", "jazz"]
    adder = memory(page, "likes").get_by_label("Add an item to likes")
    adder.fill("go")
    adder.press("Enter")
    expect(memory(page, "likes").locator(".chip")).to_have_count(3)
    assert profile(server, user)["likes"] == ["tea", "jazz", "go"]

    # Delete one field, after a confirm; a dismissed confirm deletes nothing.
    page.once("dialog", lambda dialog: dialog.dismiss())
    memory(page, "location").get_by_role("button", name="Delete location").click()
    expect(memory(page, "location")).to_have_count(1)
    asked: list[str] = []

    def record_and_accept(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.once("dialog", record_and_accept)
    memory(page, "location").get_by_role("button", name="Delete location").click()
    expect(memory(page, "location")).to_have_count(0)
    assert "location" in asked[0]
    assert "location" not in profile(server, user)

    # Forget everything: the confirm names the user.
    page.once("dialog", record_and_accept)
    page.click("#forget-all")
    expect(page.locator("#memories [data-field]")).to_have_count(0)
    assert user in asked[-1]
    assert profile(server, user) == {}


def test_search_filters_and_highlights(page: Page, server: LiveServer) -> None:
    user = f"web_{uuid.uuid4().hex[:8]}"
    for key, value in (("name", "Bo"), ("likes", ["python", "pizza"]), ("skills", ["carpentry"])):
        httpx.put(f"{server.url}/users/{user}/memories/{key}", json={"value": value}, timeout=10)
    open_as(page, server, user)
    expect(page.locator("#memories [data-field]")).to_have_count(3)
    page.fill("#search", "python")
    expect(page.locator("#memories [data-field]")).to_have_count(1)
    expect(memory(page, "likes")).to_have_class("memory match")
    page.fill("#search", "zzz")
    expect(page.locator("#memories [data-field]")).to_have_count(0)
    expect(page.locator("#memories-empty")).to_contain_text("No memory matches")
    page.fill("#search", "")
    expect(page.locator("#memories [data-field]")).to_have_count(3)


def test_api_key_prompt_then_retry(page: Page, live_server: Callable[..., LiveServer]) -> None:
    server = live_server(PERSONALMEM_API_KEYS="browser-key-123", LOG_LEVEL="WARNING")
    user = f"web_{uuid.uuid4().hex[:8]}"
    httpx.put(
        f"{server.url}/users/{user}/memories/name",
        json={"value": "Kim"},
        headers={"X-API-Key": "browser-key-123"},
        timeout=10,
    )
    page.goto(server.url + "/")
    # The first load gets 401 (profile and memories at once): one prompt, then both retry.
    dialog = page.locator("#key-dialog")
    expect(dialog).to_be_visible()
    page.fill("#api-key", "browser-key-123")
    page.click("#key-save")
    expect(dialog).to_be_hidden()
    expect(page.locator("#error")).to_be_hidden()
    page.fill("#user-id", user)
    page.press("#user-id", "Tab")
    expect(memory(page, "name").locator("input")).to_have_value("Kim")
    assert page.evaluate("sessionStorage.getItem('personalmem.apiKey')") == "browser-key-123"
    send(page, "I love tango.")
    expect(page.locator("#notice")).to_contain_text("likes: tango")
    assert profile(server, user, {"X-API-Key": "browser-key-123"}) == {"name": "Kim", "likes": ["tango"]}


def test_error_banners_database_llm_and_bad_input(
    page: Page, live_server: Callable[..., LiveServer], fake_llm: FakeLLM, tmp_path: Path
) -> None:
    pg = ThrowawayPostgres(tmp_path / "pg")
    try:
        server = live_server(
            DATABASE_URL=pg.dsn("personalmem"),
            LOG_LEVEL="WARNING",
            DB_CONNECT_TIMEOUT_S="2",
            LLM_PROVIDER="openai",
            OPENAI_API_KEY="sk-test",
            OPENAI_BASE_URL=fake_llm.openai_base_url,
            LLM_TIMEOUT_S="3",
        )
        user = f"web_{uuid.uuid4().hex[:8]}"
        open_as(page, server, user)
        expect(page.locator("#status")).to_contain_text("OpenAI-compatible")
        banner = page.locator("#error")

        fake_llm.queue(Reply(status=500))
        send(page, "I love jazz.")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("Memory extraction failed (502)")
        expect(banner).to_contain_text("HTTP 500")

        # Past the textarea's maxlength, as a script could (the browser stops typing at 16,000).
        page.eval_on_selector("#message", "el => { el.value = 'x'.repeat(16001); }")
        page.press("#message", "Enter")
        expect(banner).to_contain_text("Message too long (413)")

        pg.stop()
        send(page, "I love jazz.")
        expect(banner).to_contain_text("Database unavailable (503)")
        expect(banner).to_contain_text("database")
        page.reload()
        expect(page.locator("#status")).to_contain_text("unavailable")
        pg.start()
        page.click("#error-close")
        expect(banner).to_be_hidden()
    finally:
        pg.server.cleanup()


def test_every_control_is_labelled_and_text_has_contrast(page: Page, server: LiveServer) -> None:
    user = f"web_{uuid.uuid4().hex[:8]}"
    httpx.put(f"{server.url}/users/{user}/memories/likes", json={"value": ["tea"]}, timeout=10)
    httpx.put(f"{server.url}/users/{user}/memories/role", json={"value": "nurse"}, timeout=10)
    open_as(page, server, user)
    expect(memory(page, "likes")).to_have_count(1)
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input, textarea, button, select')]
              .filter(el => el.offsetParent !== null || el.closest('dialog'))
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                            && !(el.tagName === 'BUTTON' && el.textContent.trim()))
              .map(el => el.outerHTML.slice(0, 80))"""
    )
    assert unlabelled == []
    # WCAG AA: 4.5:1 for normal text, on the element's own or nearest opaque background.
    low = page.evaluate(
        """() => {
          const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
              v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const bg = el => {
            for (; el; el = el.parentElement) {
              const c = getComputedStyle(el).backgroundColor;
              if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return c;
            }
            return 'rgb(255, 255, 255)';
          };
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            if (!el.offsetParent || ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const a = lum(getComputedStyle(el).color), b = lum(bg(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) out.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2));
          }
          return out; }"""
    )
    assert low == []
    # Keyboard: Tab reaches the message box and Enter sends.
    page.focus("#message")
    page.keyboard.type("I love chess.")
    page.keyboard.press("Enter")
    expect(page.locator("#notice")).to_contain_text("likes: chess")


def test_page_names_what_the_gate_kept_out_and_normalises_new_fields(
    page: Page, server: LiveServer, user_id: str
) -> None:
    open_as(page, server, user_id)
    send(page, "I have diabetes.")
    notice = page.locator("#notice")
    expect(notice).to_contain_text("Nothing stored")
    expect(notice.locator(".not-stored")).to_contain_text("Not stored: health:")  # the gate's own words follow
    assert profile(server, user_id) == {}

    # "Favorite food" is stored as favorite_food, not refused with a bare format message.
    page.fill("#new-key", "Favorite food")
    page.fill("#new-value", "dumplings")
    page.click("#add-field")
    expect(memory(page, "favorite_food")).to_have_count(1)
    assert profile(server, user_id) == {"favorite_food": "dumplings"}


def test_page_applies_the_user_id_rule_before_sending(page: Page, server: LiveServer, user_id: str) -> None:
    open_as(page, server, user_id)
    page.fill("#user-id", f"{user_id}/memories")
    page.press("#user-id", "Tab")
    expect(page.locator("#error")).to_contain_text("cannot be used: a user ID has 1-128 letters")
    send(page, "My name is Noor.")
    expect(page.locator("#error")).to_contain_text("cannot be used")
    expect(page.locator("#chat-log li")).to_have_count(0)
    assert profile(server, user_id) == {}
