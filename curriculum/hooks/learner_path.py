"""The learner's path: the coach's next/previous path without the trainer pages, the end of
each unit, the glossary marked once per page, and the 404 page per language
(curriculum/learner_pages.py does the work)."""

from curriculum.learner_pages import on_page_content, on_page_context, on_post_build, on_pre_build

__all__ = ["on_page_content", "on_page_context", "on_post_build", "on_pre_build"]
