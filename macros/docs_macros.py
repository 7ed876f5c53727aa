# Macros that hand-written pages in docs/ call; each renders a fragment in the page's own language.
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import pilot_status
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
    def present_overview() -> Markup:
        """What is open now or next anywhere on the portal (as of the data; the browser redoes it), or why nothing is."""
        portal = cached_portal(ROOT)
        return fragment("present.html", occurrences=pilot_status.present(portal), as_of=pilot_status.as_of(portal),
                        lines=pilot_status.status_lines(portal))

    @env.macro
    def pilot_status_box() -> Markup:
        """Where the pilot stands since the national documents that end its arrangements."""
        return fragment("pilot_status.html", lines=pilot_status.status_lines(cached_portal(ROOT)))

    @env.macro
    def history_note(scope: str = "page") -> Markup:
        """Marks advice that served only the pilot's filing rounds as history ("page" or "section")."""
        if scope not in ("page", "section"):
            raise ValueError(f"history_note: scope must be 'page' or 'section', not {scope!r}")
        return fragment("history_note.html", scope=scope, lines=pilot_status.status_lines(cached_portal(ROOT)))

    @env.macro
    def notice_date(notice_id: str, deadline_id: str) -> Markup:
        """The (last) date of a notice's deadline, in the page's language: dates in guides come from the data."""
        notice = cached_portal(ROOT).notice_by_id.get(notice_id)
        deadline = next((d for d in notice.deadlines if d.id == deadline_id and d.end), None) if notice else None
        if deadline is None:
            raise KeyError(f"notice_date: no dated deadline {deadline_id!r} in notice {notice_id!r}")
        return fragment("date.html", day=deadline.end)

    @env.macro
    def about_sources() -> Markup:
        """When the data was last checked and what the portal is compiled from (the about page)."""
        portal = cached_portal(ROOT)
        return fragment("about_sources.html", as_of=pilot_status.as_of(portal))

    @env.macro
    def report_address() -> str:
        """Where errors are reported: the repository's issue tracker (repo_url in mkdocs.yml)."""
        repo = (env.conf.get("repo_url") or "").rstrip("/")
        if not repo:
            raise ValueError("report_address: mkdocs.yml has no repo_url to report errors to")
        return f"{repo}/issues/new"

    @env.macro
    def home_overview() -> Markup:
        """Every dated window by province, with its status computed in the reader's browser."""
        return fragment("home_overview.html")
