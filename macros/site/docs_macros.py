# Macros that hand-written pages in docs/ call; each renders a fragment in the page's own language.
from __future__ import annotations

import re
from collections.abc import Callable

import cn2an
from markupsafe import Markup

from macros.render.render import render_fragment
from macros.site.build import Build
from macros.site.i18n_pages import page_language
from macros.views import language, pilot_status


def _where(env) -> tuple[str, str]:
    """The language and URL of the page being rendered (static-i18n runs define_env once per language)."""
    return page_language(env.page), env.page.url


# what prose leaves out of a provincial-level name: 山东省 -> 山东, 广西壮族自治区 -> 广西 (the data holds full names;
# the English names are short already)
_ZH_LEVEL_SUFFIX = re.compile(r"(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$")
_SHORTENED: dict[str, Callable[[str], str]] = {"zh": lambda name: _ZH_LEVEL_SUFFIX.sub("", name) or name}


def short_name(province, lang: str) -> str:
    """The name prose uses: 山东 rather than 山东省."""
    name = language.plain(province.name, lang)
    return _SHORTENED[lang](name) if lang in _SHORTENED and getattr(province.name, lang, None) else name


ENGLISH_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# a count as a reader writes it before a measure word, per language
_NUMBER_WORDS: dict[str, Callable[[int], str]] = {
    "zh": lambda n: "两" if n == 2 else cn2an.an2cn(n),
    "en": lambda n: ENGLISH_NUMBERS[n] if 0 <= n < len(ENGLISH_NUMBERS) else str(n),
}


def number_word(n: int, lang: str) -> str:
    """A count as a reader writes it before a measure word: 两, 三, 三十一; two, three, 31 (words up to ten in English)."""
    return _NUMBER_WORDS[lang](n)


def register(env) -> None:  # noqa: C901  (its nested macros count as its branches)
    def current_portal():
        # the portal of the build being run: the hooks attach the Build to mkdocs' config, which is `env.conf`; under
        # serve, what the page's macros read of it is recorded, so that a data edit remakes only the pages it changes
        return Build.of(env.conf).portal_for(env.page.url)

    def fragment(name: str, **extra) -> Markup:
        lang, url = _where(env)
        return Markup(render_fragment(name, current_portal(), lang, url, **extra))

    @env.macro
    def notice_ref(notice_id: str) -> Markup:
        """The notice's document number, linked to its page."""
        portal = current_portal()
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
        portal = current_portal()
        return fragment(
            "present.html",
            occurrences=pilot_status.present(portal),
            as_of=pilot_status.as_of(portal),
            lines=pilot_status.status_lines(portal),
        )

    @env.macro
    def pilot_status_box() -> Markup:
        """Where the pilot stands since the national documents that end its arrangements."""
        return fragment("pilot_status.html", lines=pilot_status.status_lines(current_portal()))

    @env.macro
    def history_note(scope: str = "page") -> Markup:
        """Marks advice that served only the pilot's filing rounds as history ("page" or "section")."""
        if scope not in ("page", "section"):
            raise ValueError(f"history_note: scope must be 'page' or 'section', not {scope!r}")
        return fragment("history_note.html", scope=scope, lines=pilot_status.status_lines(current_portal()))

    @env.macro
    def notice_date(notice_id: str, deadline_id: str) -> Markup:
        """The (last) date of a notice's deadline, in the page's language: dates in guides come from the data."""
        notice = current_portal().notice_by_id.get(notice_id)
        deadline = next((d for d in notice.deadlines if d.id == deadline_id and d.end), None) if notice else None
        if deadline is None:
            raise KeyError(f"notice_date: no dated deadline {deadline_id!r} in notice {notice_id!r}")
        return fragment("date.html", day=deadline.end)

    # Sentences about the provinces of the portal take their number and names from the data, so that they stay
    # true when a province is added (a guide that speaks of particular provinces names them in its own words).
    @env.macro
    def province_count() -> str:
        """How many provinces the portal holds, as a word of the page's language (三, three)."""
        return number_word(len(current_portal().provinces), _where(env)[0])

    @env.macro
    def province_names() -> Markup:
        """The provinces' names as a list in the page's language (山东、安徽、湖南 / Shandong, Anhui and Hunan)."""
        return Markup(fragment("province_list.html", links=False, names=_names()).rstrip("\n"))

    @env.macro
    def province_links() -> Markup:
        """The same list, each name linked to its province page."""
        return Markup(fragment("province_list.html", links=True, names=_names()).rstrip("\n"))

    def _names() -> list[tuple[str, str]]:
        lang = _where(env)[0]
        return [(p.id, short_name(p, lang)) for p in current_portal().provinces]

    @env.macro
    def about_sources() -> Markup:
        """When the data was last checked and what the portal is compiled from (the about page)."""
        portal = current_portal()
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
