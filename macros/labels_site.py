# Words of the site's own frame, per language: the calendar's present-first parts, the page-not-found page, the
# "report an error" link and the about page (merged into text.LABELS; text.py holds the portal's other labels).
from __future__ import annotations

SITE_LABELS: dict[str, dict[str, str]] = {
    # calendar (overrides/fragments/calendar.html, docs/assets/calendar.js)
    "cal_months_note": {"zh": "只列出有时间节点的月份。每个时间段画成一条色条，从第一天到最后一天；每月下方列出本月的事项，点击可跳到详情。",
                        "en": "Only months with deadlines are shown. Each window is one coloured bar from its first day to its last; under each month its windows are listed, each leading to its details."},
    "cal_jump": {"zh": "跳到本月", "en": "Go to this month"},
    "cal_by_year": {"zh": "各年时间节点", "en": "Year by year"},
    "cal_year_summary": {"zh": "%(year)s年", "en": "%(year)s"},
    "cal_year_count": {"zh": "%(n)s 个时间节点", "en": "%(n)s windows"},
    "cal_past_note": {"zh": "已过去的年份默认折叠，点击年份即可展开。", "en": "Past years are folded away: open a year to see it."},
    "cal_month_items": {"zh": "本月事项", "en": "This month"},
    "cal_to_feeds": {"zh": "订阅日历（.ics）", "en": "Subscribe (.ics)"},
    # page not found (overrides/404.html, overrides/fragments/not_found.html)
    "nf_title": {"zh": "找不到这个页面", "en": "Page not found"},
    "nf_text": {"zh": "本站没有这个地址的页面：地址可能输错了，或者页面已经移动。可以从首页找起，或者搜索文号、省份或联系人。",
                "en": "There is no page at this address on the portal: it may be mistyped, or the page may have moved. Start from the home page, or search for a document number, a province or a contact."},
    "nf_search": {"zh": "搜索本站", "en": "Search the portal"},
    "nf_search_button": {"zh": "搜索", "en": "Search"},
    "nf_other_language": {"zh": "English", "en": "中文版"},
    "nf_other_language_text": {"zh": "English version of this portal: ", "en": "本站中文版："},
    "nf_browse": {"zh": "或者按类别浏览", "en": "Or browse"},
    "calendar": {"zh": "日历", "en": "Calendar"},
    "certificates": {"zh": "证书目录", "en": "Certificates"},
    "timeline": {"zh": "试点历程", "en": "Timeline"},
}
