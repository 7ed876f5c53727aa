# Macros that hand-written pages in docs/ call; each renders a fragment in the page's own language.
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .portal import cached_portal
from .render import render_fragment

ROOT = Path(__file__).resolve().parent.parent


def _where(env) -> tuple[str, str]:
    """The language and URL of the page being rendered (static-i18n runs define_env once per language)."""
    page = env.page
    return getattr(page.file, "locale", "zh"), page.url


def register(env) -> None:
    def fragment(name: str, **extra) -> Markup:
        lang, url = _where(env)
        return Markup(render_fragment(name, cached_portal(ROOT), lang, url, **extra))

    @env.macro
    def notice_ref(notice_id: str) -> Markup:
        """The notice's document number, linked to its page."""
        portal = cached_portal(ROOT)
        if notice_id not in portal.notice_by_id:
            raise KeyError(f"notice_ref: unknown notice {notice_id!r}")
        # inline in a sentence: without the fragment's final line break, which would show as a space in Chinese
        return Markup(fragment("notice_ref.html", notice=portal.notice_by_id[notice_id]).rstrip("\n"))

    @env.macro
    def province_comparison() -> Markup:
        """Side-by-side rules of every province, from the data."""
        return fragment("comparison.html")

    @env.macro
    def home_overview() -> Markup:
        """Every dated window by province, with its status computed in the reader's browser."""
        return fragment("home_overview.html")
