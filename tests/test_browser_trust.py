"""The trust controls on the web page, in real headless Chromium (Playwright): where a fact
came from, inline history with Undo, Export and Import, and the "Never remember" panel."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
from playwright.sync_api import Dialog, Page, expect

from tests import test_browser
from tests.live_server import LiveServer
from tests.test_browser import memory, open_as, profile, send

# The browser, page and live-server fixtures of the page's own tests, shared as they are.
browser = test_browser.browser
page = test_browser.page
server = test_browser.server


def new_user() -> str:
    return f"web_{uuid.uuid4().hex[:8]}"


def put(server: LiveServer, user: str, key: str, value: object) -> None:
    response = httpx.put(f"{server.url}/users/{user}/memories/{key}", json={"value": value}, timeout=10)
    assert response.status_code == 200, response.text


def test_origin_and_undo_after_a_wrong_extraction(page: Page, server: LiveServer) -> None:
    user = new_user()
    put(server, user, "location", "Lyon")
    open_as(page, server, user)
    expect(memory(page, "location").locator(".memory-origin")).to_have_text("edited by you · just now")

    # The extractor reads a move the person did not mean; the page says where the value came from.
    send(page, "I moved to Nice.")
    expect(memory(page, "location").locator("input")).to_have_value("Nice")
    expect(memory(page, "location").locator(".memory-origin")).to_have_text("learned from a message · just now")

    memory(page, "location").get_by_role("button", name="History of location").click()
    history = memory(page, "location").locator(".history li")
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_contain_text("Updated: Lyon → Nice · learned from a message")
    expect(history.nth(1)).to_contain_text("Edited: (nothing) → Lyon · edited by you")
    history.nth(0).get_by_role("button", name="Undo this change to location").click()

    expect(memory(page, "location").locator("input")).to_have_value("Lyon")
    expect(memory(page, "location").locator(".memory-origin")).to_have_text("restored by an undo · just now")
    expect(history).to_have_count(3)
    expect(history.nth(0)).to_contain_text("Updated: Nice → Lyon · restored by an undo")
    assert profile(server, user) == {"location": "Lyon"}


def test_undo_is_refused_after_a_newer_change(page: Page, server: LiveServer) -> None:
    user = new_user()
    put(server, user, "employer", "Fjord Ltd")
    put(server, user, "employer", "Delta Co")
    open_as(page, server, user)
    memory(page, "employer").get_by_role("button", name="History of employer").click()
    expect(memory(page, "employer").locator(".history li")).to_have_count(2)
    # Someone else changes the field after the page loaded its history.
    put(server, user, "employer", "Harbour Inc")

    asked: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    memory(page, "employer").locator(".history li").nth(0).get_by_role("button", name="Undo").click()
    banner = page.locator("#error")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Undo refused: employer has changed since this change")
    assert asked == ["employer has changed since this event. Restore the earlier value anyway?"]
    assert profile(server, user) == {"employer": "Harbour Inc"}

    # Confirmed, it restores the value from before that event.
    page.once("dialog", lambda dialog: dialog.accept())
    memory(page, "employer").locator(".history li").nth(0).get_by_role("button", name="Undo").click()
    expect(memory(page, "employer").locator("input")).to_have_value("Fjord Ltd")
    assert profile(server, user) == {"employer": "Fjord Ltd"}


def test_export_then_forget_everything_then_import_restores(page: Page, server: LiveServer, tmp_path: Path) -> None:
    user = new_user()
    put(server, user, "name", "Maren")
    put(server, user, "languages", ["Norwegian", "Basque"])
    httpx.put(f"{server.url}/users/{user}/rules", json={"rules": ["my religion"]}, timeout=10)
    original = httpx.get(f"{server.url}/users/{user}/export", timeout=10).json()
    open_as(page, server, user)
    expect(page.locator("#rules [data-rule]")).to_have_count(1)

    with page.expect_download() as download:
        page.click("#export")
    saved = tmp_path / "export.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == f"personalmem-{user}.json"
    exported = json.loads(saved.read_text())
    assert (exported["profile"], exported["field_times"], exported["rules"]) == (
        original["profile"],
        original["field_times"],
        ["religion"],
    )

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#forget-all")
    expect(page.locator("#memories [data-field]")).to_have_count(0)
    expect(page.locator("#rules [data-rule]")).to_have_count(0)
    assert profile(server, user) == {}

    page.select_option("#import-mode", "replace")
    page.set_input_files("#import-file", str(saved))
    expect(page.locator("#notice")).to_contain_text("Imported 2 field(s) (replace)")
    expect(memory(page, "languages").locator(".chip")).to_have_count(2)
    expect(memory(page, "name").locator(".memory-origin")).to_have_text("imported from a file · just now")
    expect(page.locator('#rules [data-rule="religion"]')).to_have_count(1)
    restored = httpx.get(f"{server.url}/users/{user}/export", timeout=10).json()
    assert (restored["profile"], restored["field_times"], restored["rules"]) == (
        original["profile"],
        original["field_times"],
        original["rules"],
    )


def test_a_rule_set_by_message_then_that_topic_stores_nothing(page: Page, server: LiveServer) -> None:
    user = new_user()
    open_as(page, server, user)
    send(page, "I love badminton.")
    expect(memory(page, "likes").locator(".chip")).to_have_count(1)

    send(page, "Please never remember anything about my health.")
    notice = page.locator("#notice")
    expect(notice).to_contain_text("I will never remember anything about your health")
    expect(page.locator('#rules [data-rule="health"]')).to_have_count(1)

    send(page, "My asthma has been bad this spring.")
    expect(notice).to_contain_text("Nothing to remember")
    expect(notice).to_contain_text("left out 1 part(s) of your message")
    assert profile(server, user) == {"likes": ["badminton"]}

    # The panel edits rules too: a word added there removes what is stored under it.
    page.fill("#new-rule", "badminton")
    page.click("#add-rule")
    expect(page.locator('#rules [data-rule="badminton"]')).to_have_count(1)
    expect(page.locator("#memories [data-field]")).to_have_count(0)
    page.get_by_role("button", name="Allow remembering badminton again").click()
    expect(page.locator("#rules [data-rule]")).to_have_count(1)
    assert httpx.get(f"{server.url}/users/{user}/rules", timeout=10).json()["rules"] == ["health"]
