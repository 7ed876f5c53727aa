# One page of each type the portal has, as a path below a language root: the real-browser tests visit each of them
# in both languages (Chinese at the root, English under en/).
PAGE_TYPES = {
    "home": "",
    "province": "provinces/hunan/",
    "notice": "notices/hunan-2022-80/",
    "national-notice": "notices/mohrss-2025-154/",
    "calendar": "calendar/",
    "form": "forms/hunan-2022-80-pilot-plan/",
    "catalogue": "certificates/",
    "catalogue-list": "certificates/batch-1/",
    "guidance": "guide/fees/",
    "comparison": "guide/compare/",
    "timeline": "timeline/",
    "forms": "forms/",
    "maintainers": "maintainers/translations/",
}
LANG_ROOTS = {"zh": "", "en": "en/"}
# The page-not-found page of each language: no counterpart (its language switch leads to the homes), so not a type above.
NOT_FOUND_CASES = [("zh", "not-found", "404.html"), ("en", "not-found", "en/404.html")]
PRINTED_TYPES = ("guidance", "notice", "form")


def page_cases(types=None) -> list[tuple[str, str, str]]:
    """(lang, kind, path below the site root) for every page type in both languages."""
    return [
        (lang, kind, root + path)
        for lang, root in LANG_ROOTS.items()
        for kind, path in PAGE_TYPES.items()
        if types is None or kind in types
    ]


def case_id(case) -> str:
    return f"{case[0]}-{case[1]}"
