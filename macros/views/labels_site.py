# Words of the site's own frame, per language: the calendar's present-first parts, the page-not-found page, the
# "report an error" link and the about page (merged into text.LABELS; text.py holds the portal's other labels).
from __future__ import annotations

SITE_LABELS: dict[str, dict[str, str]] = {
    # calendar (overrides/fragments/calendar.html, docs/assets/calendar.js)
    "cal_months_note": {
        "zh": "只列出有时间节点的月份。表中带底色的日期有时间节点；每个时间段在月表下方列出一次，色条标出它在本月占的日子，跨月的时间段在后面的月份只注明“接上月”。",
        "en": "Only months with deadlines are shown. Shaded days in a month's table have a window; each window is listed once under the month, its bar marking the days it covers; a window running on from an earlier month is only pointed to there (“continued”).",
    },
    "cal_jump": {"zh": "跳到本月", "en": "Go to this month"},
    "cal_by_year": {"zh": "各年时间节点", "en": "Year by year"},
    "cal_year_summary": {"zh": "%(year)s年", "en": "%(year)s"},
    "cal_year_count": {"zh": "%(n)s 个时间节点", "en": "%(n)s windows"},
    "cal_past_note": {
        "zh": "已过去的年份默认折叠，只按月列出当年开始的时间节点，不画月表；点击年份即可展开。",
        "en": "Past years are folded away and list their windows by the month they start in, without month tables: open a year to see it.",
    },
    "cal_month_items": {"zh": "本月事项", "en": "This month"},
    "cal_continued": {"zh": "接上月", "en": "continued"},
    # a certificate level several documents rule out (overrides/fragments/certificates.html)
    "cat_level_excluded_several": {
        "zh": "不得申报：%(n)s 份文件的规定，见“等级”一节",
        "en": "Not allowed by the rules of %(n)s documents: see “Levels” above",
    },
    # a province page at national size (overrides/fragments/province.html)
    "province_recent": {
        "zh": "这里只列出本省最新 %(n)s 份通知的时间节点。全部时间节点",
        "en": "Only the deadlines of the province's %(n)s newest notices are listed here. All of them",
    },
    "province_recent_contacts": {
        "zh": "这里只列出本省最新 %(n)s 份通知的联系方式；其他通知的联系方式见各通知页面。",
        "en": "Only the contacts of the province's %(n)s newest notices are listed here; each older notice's page has its own.",
    },
    "cal_to_feeds": {"zh": "订阅日历（.ics）", "en": "Subscribe (.ics)"},
    # page not found (overrides/404.html, overrides/fragments/not_found.html)
    "nf_title": {"zh": "找不到这个页面", "en": "Page not found"},
    "nf_text": {
        "zh": "本站没有这个地址的页面：地址可能输错了，或者页面已经移动。可以从首页找起，或者搜索文号、省份或联系人。",
        "en": "There is no page at this address on the portal: it may be mistyped, or the page may have moved. Start from the home page, or search for a document number, a province or a contact.",
    },
    "nf_search": {"zh": "搜索本站", "en": "Search the portal"},
    "nf_search_button": {"zh": "搜索", "en": "Search"},
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
