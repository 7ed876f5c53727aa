# Words of the deadline calendar pages and of the .ics calendars, per language (merged into labels.LABELS).
from __future__ import annotations

CALENDAR_LABELS: dict[str, dict[str, str]] = {
    # deadline calendar (macros/views/calendar_pages.py, overrides/fragments/calendar.html, docs/assets/calendar.js)
    "cal_span": {
        "zh": "日历显示 %(first)s—%(last)s 年：从数据中最早的日期所在年份，到最近一次核对数据的年份（或最后一个日期所在年份）的次年。年份只取决于数据，与生成网站的日期无关。",
        "en": "The calendar shows %(first)s to %(last)s: from the year of the earliest date in the data to the year after the data was last checked (or after the last date, if later). The years depend on the data only, never on the day the site was built.",
    },
    "cal_span_none": {"zh": "暂无有具体日期的时间节点。", "en": "No dated deadlines yet."},
    "cal_js_note": {
        "zh": "“进行中/即将开始/已结束”按您设备上的日期计算。",
        "en": "“Open now / upcoming / ended” is worked out from the date on your device.",
    },
    "cal_feeds": {"zh": "订阅与下载（.ics）", "en": "Subscribe or download (.ics)"},
    "cal_feed_all": {"zh": "全部省份", "en": "All provinces"},
    "cal_subscribe": {"zh": "订阅", "en": "Subscribe"},
    "cal_download": {"zh": "下载 .ics", "en": "Download .ics"},
    "cal_feed_note": {
        "zh": "订阅后，日历应用会自动获取更新；下载的文件只导入一次。没有具体日期的事项不在订阅中。",
        "en": "A subscription picks up changes by itself; a downloaded file is imported once. Obligations without an exact date are not in the feeds.",
    },
    "cal_add_one": {"zh": "添加到我的日历（.ics）", "en": "Add to my calendar (.ics)"},
    "cal_show_provinces": {"zh": "显示哪些省份", "en": "Show provinces"},
    "cal_per_province": {"zh": "各省日历", "en": "Calendar of each province"},
    "cal_national": {"zh": "全部省份的日历", "en": "Calendar of all provinces"},
    "cal_national_recent": {
        "zh": "本页只列出各省最新通知中的时间节点；较早通知的时间节点见各省日历。",
        "en": "This page shows the dates in each province's latest notices; older notices' dates are on each province's calendar.",
    },
    "cal_of_province": {"zh": "本省日历", "en": "The province's deadline calendar"},
    "cal_months": {"zh": "月历", "en": "Month by month"},
    "cal_month": {"zh": "%(year)s年%(month)s月", "en": "%(month)s %(year)s"},
    "cal_month_names": {
        "zh": "1 2 3 4 5 6 7 8 9 10 11 12",
        "en": "January February March April May June July August September October November December",
    },
    "cal_weekdays": {"zh": "一 二 三 四 五 六 日", "en": "Mon Tue Wed Thu Fri Sat Sun"},
    "cal_weekdays_long": {
        "zh": "星期一 星期二 星期三 星期四 星期五 星期六 星期日",
        "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    },
    "cal_starts": {"zh": "开始", "en": "starts"},
    "cal_ends": {"zh": "截止", "en": "ends"},
    "cal_due": {"zh": "截止", "en": "due"},
    "cal_list": {"zh": "按时间顺序", "en": "In date order"},
    "cal_recurring_basis": {"zh": "依据", "en": "Basis"},
    "cal_undated": {"zh": "没有具体日期的事项", "en": "Obligations without an exact date"},
    "cal_undated_note": {
        "zh": "以下事项通知未规定日期，因此不放入月历和订阅。",
        "en": "The notices give these no date, so they are not placed in the month grids or the feeds.",
    },
    # the present-first parts (overrides/fragments/calendar.html, docs/assets/calendar.js)
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
    # the .ics calendars (macros/outputs/ics.py): every language of an event in one text, "中文 / English"
    "ics_feed_all": {"zh": "1+X 证书试点时间节点（全部省份）", "en": "1+X certificate pilot deadlines (all provinces)"},
    "ics_feed_province": {"zh": "1+X 证书试点时间节点（%s）", "en": "1+X certificate pilot deadlines (%s)"},
    "ics_feed_event": {"zh": "%(doc)s：%(title)s", "en": "%(title)s"},
    "ics_due_mark": {"zh": "（截止）", "en": " (deadline)"},
    "ics_days_left": {"zh": "还有%s天", "en": "%s days left"},
    "ics_dates": {"zh": "日期", "en": "Dates"},
    "ics_first_dates": {"zh": "首次日期", "en": "First dates"},
    "ics_recurring_until": {
        "zh": "每年重复（自%(first)s年起至%(last)s年）",
        "en": "Repeats every year (from %(first)s to %(last)s)",
    },
    "ics_no_longer_held": {"zh": "自%s起不再举行", "en": "No longer held from %s"},
    "ics_notice_page": {"zh": "通知页面", "en": "Notice page (English)"},
}
