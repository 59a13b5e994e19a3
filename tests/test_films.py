"""Film facades: nothing from the video host before the click, the privacy host after it.

No film of the curriculum is published yet, so these tests publish one in a copy of the project
with an id that is clearly test data, and stub the video host's answer.
"""

from __future__ import annotations

import subprocess
from urllib.parse import urlparse

import pytest

from curriculum.core import build_command
from tests.browser import visit, watch
from tests.site_pages import copy_project

COPY = ("curriculum", "data", "docs", "overrides", "mkdocs.yml")
TEST_VIDEO_ID = "TESTVIDEO01"  # test data only: never a real video
PRIVACY_HOST = "www.youtube-nocookie.com"
# The tests on the published film's site share one worker, so that site is built once.
on_the_film_site = pytest.mark.xdist_group("published-film-site")


@pytest.fixture(scope="module")
def published_film_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("films") / "project", COPY)
    captions = project / "docs/assets/captions"
    captions.mkdir(parents=True)
    for language in ("en", "sv"):
        (captions / f"green-waste-walk.{language}.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\n-\n", encoding="utf-8")
    films = project / "data/films.yml"
    text = films.read_text(encoding="utf-8")
    anchor = "    poster: assets/images/films/green-waste-walk.svg\n"
    assert anchor in text
    films.write_text(text.replace(anchor, anchor + (
        f"    provider: youtube\n    video_id: {TEST_VIDEO_ID}\n"
        "    captions: {en: assets/captions/green-waste-walk.en.vtt, sv: assets/captions/green-waste-walk.sv.vtt}\n"
    )), encoding="utf-8")
    site = project / "site"
    result = subprocess.run(build_command("--strict", "--site-dir", str(site)),
                            cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    from curriculum.serve import serve

    with serve(site) as base:
        yield base


@on_the_film_site
@pytest.mark.parametrize("path", ["modules/green-waste-walk/", "sv/films/green-waste-walk/"])
def test_facade_loads_the_privacy_host_only_after_a_keyboard_click(page, published_film_site: str, path: str) -> None:
    seen = watch(page)
    page.route(f"https://{PRIVACY_HOST}/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>player</title>"))
    visit(page, published_film_site + path)
    own = urlparse(published_film_site).netloc
    assert [u for u in seen.requests if urlparse(u).netloc not in (own, "")] == [], "requests before the click"
    assert page.locator("iframe").count() == 0

    play = page.locator(".film__play").first
    assert play.get_attribute("href").startswith(f"https://{PRIVACY_HOST}/embed/{TEST_VIDEO_ID}")
    play.focus()
    # Waited for as a request: the page is already "networkidle", so waiting for that state again
    # returns at once, before a busy machine has sent the player's request.
    with page.expect_request(f"https://{PRIVACY_HOST}/**"):
        page.keyboard.press("Enter")
    frame = page.locator(".film iframe").first
    frame.wait_for()
    assert frame.get_attribute("src").startswith(f"https://{PRIVACY_HOST}/embed/{TEST_VIDEO_ID}")
    assert frame.get_attribute("title")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    foreign = {urlparse(u).netloc for u in seen.requests} - {own, ""}
    assert foreign == {PRIVACY_HOST}
    assert seen.csp_violations() == []


@on_the_film_site
def test_facade_without_javascript_is_a_plain_link(browser, published_film_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(published_film_site + "modules/green-waste-walk/")
    link = page.locator(".film__play").first
    assert link.is_visible()
    assert urlparse(link.get_attribute("href")).netloc == PRIVACY_HOST
    assert page.locator("iframe").count() == 0
    context.close()


def test_unpublished_films_say_they_are_coming_and_link_the_script(page, site_url: str) -> None:
    visit(page, site_url + "films/")
    assert page.locator(".film-catalogue li").count() >= 5
    visit(page, site_url + "modules/climate-footprint-quick-start/")
    card = page.locator(".film").first
    assert card.locator(".film__play").count() == 0
    assert "Film in production" in card.inner_text()
    assert card.locator(".film__poster, .film__duration").count() == 0  # no player-like look, no running time
    assert card.locator('a[href$="films/scopes-1-2-3/#transcript"]').count() == 1
