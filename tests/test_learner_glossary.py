"""Glossary marking (issue 18, defect 10): first occurrence per page only, never in a heading or a link."""

from __future__ import annotations

from curriculum.learner_pages import first_terms_only


def test_only_the_first_occurrence_outside_headings_and_links_is_marked() -> None:
    html = ('<h1><abbr title="d">VSM</abbr></h1><p><a href="x"><abbr title="d">VSM</abbr></a> '
            '<abbr title="d">VSM</abbr> and <abbr title="d">VSM</abbr>, <abbr title="e">5S</abbr></p>'
            '<h2 id="x">About <abbr title="e">5S</abbr></h2><p><abbr title="e">5S</abbr></p>')
    assert first_terms_only(html) == (
        '<h1>VSM</h1><p><a href="x">VSM</a> <abbr title="d" tabindex="0">VSM</abbr> and VSM, '
        '<abbr title="e" tabindex="0">5S</abbr></p><h2 id="x">About 5S</h2><p>5S</p>')


def test_other_tags_that_start_like_a_or_h_are_left_alone() -> None:
    html = '<aside><hr><header><abbr title="d">VSM</abbr></header></aside>'
    assert first_terms_only(html) == '<aside><hr><header><abbr title="d" tabindex="0">VSM</abbr></header></aside>'
