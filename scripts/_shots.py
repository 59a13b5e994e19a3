from pathlib import Path
from playwright.sync_api import sync_playwright
from curriculum.chromium import CHROMIUM, CHROMIUM_ARGS
from curriculum.serve import serve
pages = [("", 1280), ("sv/modules/green-5s/", 1280), ("where-to-start/", 390), ("about/sources/", 390), ("sv/tools/", 1280)]
with serve(Path("site")) as base, sync_playwright() as p:
    b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    for path, width in pages:
        page = b.new_page(viewport={"width": width, "height": 900})
        page.goto(base + path, wait_until="load"); page.wait_for_timeout(500)
        name = "/tmp/an/shot_" + (path.replace("/", "_") or "home") + f"{width}.png"
        page.screenshot(path=name, full_page=False)
        print(name)
    b.close()
