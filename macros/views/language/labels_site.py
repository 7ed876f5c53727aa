# Words of the site's own frame, per language: the page-not-found page, the foot of every page and the about page
# (merged into labels.LABELS).
from __future__ import annotations

SITE_LABELS: dict[str, dict[str, str]] = {
    # page not found (overrides/404.html, overrides/fragments/not_found.html)
    "nf_title": {"zh": "找不到这个页面", "en": "Page not found"},
    "nf_text": {
        "zh": "本站没有这个地址的页面：地址可能输错了，或者页面已经移动。可以从首页找起，或者搜索文号、省份或联系人。",
        "en": "There is no page at this address on the portal: it may be mistyped, or the page may have moved. Start from the home page, or search for a document number, a province or a contact.",
    },
    "nf_search": {"zh": "搜索本站", "en": "Search the portal"},
    "nf_search_button": {"zh": "搜索", "en": "Search"},
    # below the search results, when more pages match than are listed (docs/assets/portal.js)
    "search_more": {"zh": "显示更多结果", "en": "Show more results"},
    "nf_other_language": {"zh": "English", "en": "中文版"},
    "nf_other_language_text": {"zh": "English version of this portal: ", "en": "本站中文版："},
    "nf_browse": {"zh": "或者按类别浏览", "en": "Or browse"},
    "calendar": {"zh": "日历", "en": "Calendar"},
    "certificates": {"zh": "证书目录", "en": "Certificates"},
    "timeline": {"zh": "试点历程", "en": "Timeline"},
    # the foot of every page and the about page (overrides/fragments/page_meta.html, docs/about.md)
    "page_source_file": {"zh": "页面源文件", "en": "Page source file"},
    "edit_page": {"zh": "编辑此页", "en": "Edit this page"},
    "report_error": {"zh": "纠错：报告本页的错误", "en": "Report an error on this page"},
    "about_checked": {"zh": "数据最近核对", "en": "Data last checked"},
    "about_checked_note": {
        "zh": "各份文件的核对日期见其页面底部",
        "en": "each document's own date is at the foot of its page",
    },
    "about_held": {"zh": "收录", "en": "Held here"},
    "about_held_count": {
        "zh": "%(n)s 份文件，涉及 %(provinces)s 个省份",
        "en": "%(n)s documents, from %(provinces)s provinces and the national level",
    },
    "about_province_count": {
        "zh": "%(n)s 份文件，其中 %(online)s 份附原文链接",
        "en": "%(n)s documents, %(online)s with a link to the original",
    },
    "about_cited": {
        "zh": "另有 %(n)s 份文件只被引用、未收录原文，列在试点历程中。",
        "en": "%(n)s more documents are only cited, not reproduced; they are on the timeline.",
    },
    "original_read": {"zh": "查看原件", "en": "Read the original"},
    "original_online": {"zh": "原文链接", "en": "Original online"},
    "original_not_online": {"zh": "本站未收录原文网址", "en": "No address of the original on record"},
}
