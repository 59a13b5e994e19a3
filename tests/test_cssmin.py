"""Our stylesheets as served: comments and whitespace gone, every rule as the source has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.cssmin import minify, minify_files
from tests.site_pages import ROOT

SOURCES = ["docs/assets/stylesheets/ecoleap.css", "docs/assets/stylesheets/tools.css"]


def test_comments_and_spaces_go_but_strings_and_selector_spaces_stay() -> None:
    css = """/* Material's dd indent */
.md-typeset  :is(.a) > .b ,
.c {
  content: " ( " attr(href) " /* kept */ ";
  margin : 0 ;
}
@media print { .d::after { content: 'it\\'s' } }
"""
    assert minify(css) == (""".md-typeset :is(.a)>.b,.c{content: " ( " attr(href) " /* kept */ ";margin : 0;}"""
                           """@media print{.d::after{content: 'it\\'s'}}\n""")


def test_minify_files_rewrites_the_built_sheets_in_place(tmp_path: Path) -> None:
    sheet = tmp_path / "assets/stylesheets/x.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    minify_files(tmp_path, ["assets/stylesheets/x.css", "assets/stylesheets/missing.css"])
    assert sheet.read_text(encoding="utf-8") == ".a{color: red;}\n"


@pytest.mark.parametrize("source", SOURCES)
def test_the_served_sheet_has_every_rule_of_its_source(browser, built_site: Path, source: str) -> None:
    """Chromium reads the minified sheet into the same rules as the source, at a quarter less gzip."""
    original = (ROOT / source).read_text(encoding="utf-8")
    served = (built_site / source.removeprefix("docs/")).read_text(encoding="utf-8")
    assert "/*" not in served and len(served) < 0.8 * len(original)
    page = browser.new_page()
    rules = """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
      const text = rules => Array.from(rules).map(r => r.cssRules ? r.cssText.split('{')[0] + '{' + text(r.cssRules) + '}' : r.cssText).join('\\n');
      return text(sheet.cssRules); }"""
    assert page.evaluate(rules, served) == page.evaluate(rules, original)
    page.close()
