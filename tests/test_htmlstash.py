"""Block HTML from a macro bypasses Markdown and comes back unchanged after it."""

from __future__ import annotations

import markdown

from curriculum import htmlstash

CHECKLIST = '<div class="checklist" id="checklist-x">\n<h3>Before</h3>\n<ul>\n<li>Sort *this*</li>\n</ul>\n</div>'


def test_a_block_is_replaced_by_a_comment_that_markdown_copies_and_restore_puts_back() -> None:
    placeholder = htmlstash.keep(CHECKLIST)
    assert placeholder.startswith('<div data-ecoleap-html="') and CHECKLIST not in placeholder
    page = f"# Green 5S\n\nBefore the day.\n\n{placeholder}\n\nAfter the day."
    html = markdown.Markdown(extensions=["md_in_html"]).convert(page)
    assert placeholder in html
    restored = htmlstash.restore(html)
    assert CHECKLIST in restored and "ecoleap-html" not in restored and "<p><div" not in restored
    assert "<em>" not in restored  # Markdown never saw the block: `*this*` stays as written


def test_the_stand_in_carries_the_blocks_anchors_for_mkdocs_link_validation() -> None:
    block = '<section id="finder" data-id="no">\n<a name="old-anchor"></a><h3 id="step-1">Step</h3>\n</section>'
    placeholder = htmlstash.keep(block)
    assert '<i id="finder"></i>' in placeholder and '<i id="step-1"></i>' in placeholder
    assert '<a name="old-anchor"></a>' in placeholder and '"no"' not in placeholder
    assert htmlstash.restore(f"<p>x</p>\n{placeholder}") == f"<p>x</p>\n{block}"


def test_inline_html_and_text_stay_in_the_page() -> None:
    for output in ('<a class="citation" href="../x/">Kalemkerian 2024</a>', "4 h 30 min", "<div>one line</div>"):
        assert htmlstash.keep(output) == output


def test_each_block_is_restored_once_in_its_own_place() -> None:
    first, second = htmlstash.keep(CHECKLIST), htmlstash.keep(CHECKLIST.replace("Before", "After"))
    restored = htmlstash.restore(f"<p>a</p>\n{second}\n<p>b</p>\n{first}")
    assert restored.index("After") < restored.index("Before")
    assert first != second
