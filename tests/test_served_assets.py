"""Our stylesheets and scripts as served: comments gone, every rule and statement as the source
has it (curriculum/cssmin.py, curriculum/jsmin.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from curriculum.cssmin import minify
from curriculum.hooks import served_assets
from curriculum.hooks.served_assets import rewrite
from curriculum.jsmin import for_serving, strip_comment_lines
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


def test_the_built_sheets_are_rewritten_in_place(tmp_path: Path) -> None:
    sheet = tmp_path / "assets/stylesheets/x.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    rewrite(tmp_path, ["assets/stylesheets/x.css", "assets/stylesheets/missing.css"], minify)
    assert sheet.read_text(encoding="utf-8") == ".a{color: red;}\n"


def test_mkdocs_serve_serves_the_sheets_and_scripts_as_written(tmp_path: Path) -> None:
    """An author reading them in the browser's tools sees the comments; a build strips them."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    for folder in (site, docs):
        (folder / "assets/javascripts").mkdir(parents=True)
        (folder / "assets/javascripts/x.js").write_text("// why\nlet a = 1;\n", encoding="utf-8")
    (site / "x.css").write_text("/* why */\n.a { color: red; }\n", encoding="utf-8")
    i18n = SimpleNamespace(building=False)
    config = SimpleNamespace(site_dir=str(site), docs_dir=str(docs), extra_css=["x.css"], plugins={"i18n": i18n})
    try:
        served_assets.on_startup(command="serve", dirty=False)
        served_assets.on_post_build(config)
        assert "/* why */" in (site / "x.css").read_text(encoding="utf-8")
        assert "// why" in (site / "assets/javascripts/x.js").read_text(encoding="utf-8")
        served_assets.on_startup(command="build", dirty=False)
        i18n.building = True  # a language built inside the first: the first's last event does it
        served_assets.on_post_build(config)
        assert "/* why */" in (site / "x.css").read_text(encoding="utf-8")
        i18n.building = False
        served_assets.on_post_build(config)
        assert (site / "x.css").read_text(encoding="utf-8") == ".a{color: red;}\n"
        assert (site / "assets/javascripts/x.js").read_text(encoding="utf-8") == "let a = 1;\n"
    finally:
        served_assets.on_startup(command="build", dirty=False)


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


SCRIPTS = sorted(path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs/assets/javascripts").rglob("*.js"))


def test_comment_lines_go_and_code_stays_as_written() -> None:
    script = """/* Why the file exists.
 * More why. */
(function () {
  // why this line
  var url = "http://example.org/a"; // after code: kept
  var pattern = /\\/\\/x/;
    /* an indented block */
  return url;
})();
"""
    assert strip_comment_lines(script) == """(function () {
  var url = "http://example.org/a"; // after code: kept
  var pattern = /\\/\\/x/;
  return url;
})();
"""


def test_served_lines_lose_their_indentation_and_keep_the_rest() -> None:
    script = """(function () {
  // why
  var text = "a  b";
\tif (text) {
    return text; // kept
  }
})();
"""
    assert for_serving(script) == """(function () {
var text = "a  b";
if (text) {
return text; // kept
}
})();
"""


@pytest.mark.parametrize("source", SCRIPTS)
def test_no_line_of_our_scripts_starts_inside_a_string(source: str) -> None:
    """No template literal and no string continued past a line's end by a backslash: the only
    ways a line could start inside a string, which the comment and indentation stripping assume
    away (curriculum/jsmin.py)."""
    import re

    code = re.sub(r"/\*.*?\*/", "", (ROOT / "docs" / source).read_text(encoding="utf-8"), flags=re.DOTALL)
    assert [line for line in code.splitlines() if "`" in line.split("//")[0]] == []
    assert [line for line in code.splitlines() if line.rstrip().endswith("\\")] == []


def test_the_served_scripts_parse_and_are_smaller(browser, built_site: Path) -> None:
    page = browser.new_page()
    for source in SCRIPTS:
        served = (built_site / source.removeprefix("docs/")).read_text(encoding="utf-8")
        original = (ROOT / "docs" / source).read_text(encoding="utf-8")
        assert len(served) < len(original), source
        assert not [line for line in served.splitlines() if line.lstrip().startswith(("//", "/*"))], source
        assert not [line for line in served.splitlines() if line[:1] in (" ", "\t")], source
        assert page.evaluate("code => { new Function(code); return true; }", served), source
    page.close()
