# Words about where documents and the pilot stand (endings, the present, the timeline), per language
# (merged into labels.LABELS).
from __future__ import annotations

STATUS_LABELS: dict[str, dict[str, str]] = {
    # relations between documents and where the pilot stands (macros/data/relations.py; _status_notice.html, …)
    "status_today": {"zh": "现行状态", "en": "Where this stands today"},
    "ending_ends": {"zh": "本文件自%s起不再适用", "en": "This document no longer applies from %s"},
    "ending_supersedes": {"zh": "本文件自%s起被取代", "en": "This document is superseded from %s"},
    "ending_ends_rounds": {
        "zh": "本文件安排的时间节点自%s起不再举行",
        "en": "The windows this document sets are no longer held from %s",
    },
    "ending_ends_rules": {
        "zh": "本文件的部分规则自%s起不再适用",
        "en": "Some rules of this document no longer apply from %s",
    },
    "ending_by": {"zh": "依据", "en": "under"},
    "ending_point": {"zh": "第%s点", "en": "point %s"},
    "ending_rules": {"zh": "所涉规则", "en": "Rules concerned"},
    "ends_others": {"zh": "本文件终止或取代的文件", "en": "Documents this one ends or supersedes"},
    "ends_every_provincial": {
        "zh": "自%(date)s起：各地（省级及以下发文单位）在此日期前印发的试点通知，本站收录 %(n)s 份",
        "en": "From %(date)s: every pilot notice of a provincial (or lower) issuer dated before then; this portal holds %(n)s",
    },
    "ends_listed": {"zh": "自%s起", "en": "From %s"},
    "ends_more": {"zh": "其余 %s 份见试点历程", "en": "%s more on the timeline"},
    "status_derived_ends": {"zh": "已终止", "en": "Ended"},
    "status_derived_supersedes": {"zh": "已被取代", "en": "Superseded"},
    "status_derived_ends_rounds": {"zh": "时间节点已停止", "en": "Windows no longer held"},
    "status_derived_ends_rules": {"zh": "部分规则已终止", "en": "Some rules ended"},
    "recurring_until": {"zh": "每年重复（%(first)s—%(last)s年）", "en": "Repeats every year (%(first)s–%(last)s)"},
    "rounds_stop": {"zh": "%(year)s年以后不再举行，依据", "en": "Not held after %(year)s, under"},
    "window_cancelled": {
        "zh": "未能举行：此后的文件已终止本文件的时间节点，依据",
        "en": "Did not take place: a later document ended this one's windows, under",
    },
    "national": {"zh": "全国", "en": "National"},
    "joint_issuers_sep": {"zh": "、", "en": "; "},
    "cal_rounds_stop": {"zh": "为什么没有更晚的申报轮次", "en": "Why there are no later rounds"},
    "cal_rounds_stop_line": {
        "zh": "%(date)s起，本页所列通知（%(n)s 份）安排的时间节点不再举行，依据",
        "en": "From %(date)s the windows set by the notices on this page (%(n)s) are no longer held, under",
    },
    "cal_national_items": {
        "zh": "全国性文件的时间节点适用于各省，在每个省份的日历中都会显示。",
        "en": "Deadlines of national documents apply in every province and show on every province's calendar.",
    },
    # home page: the present first (overrides/fragments/present.html, docs/assets/portal.js)
    "present_title": {"zh": "当前：进行中和即将开始的事项", "en": "Now: what is open or coming up"},
    "present_now": {"zh": "进行中", "en": "Open now"},
    # the status badges docs/assets/portal.js puts on every dated window, from the reader's own date
    "badge_now": {"zh": "进行中", "en": "Open now"},
    "badge_next": {"zh": "即将开始", "en": "Upcoming"},
    "badge_past": {"zh": "已结束", "en": "Ended"},
    "badge_next_on": {"zh": "下次：", "en": "Next: "},
    "present_next": {"zh": "即将开始", "en": "Coming up"},
    "present_none": {
        "zh": "目前本站收录的文件中没有进行中或即将开始的时间节点。",
        "en": "Nothing in the documents on this portal is open now or coming up.",
    },
    "present_as_of": {
        "zh": "以下按数据最近核对日期（%s）计算；开启 JavaScript 后按您设备上的日期计算。",
        "en": "As of the day the data was last checked (%s); with JavaScript on, worked out from the date on your device.",
    },
    "present_why": {"zh": "原因", "en": "Why"},
    "present_why_line": {
        "zh": "自%(date)s起，试点通知安排的申报轮次和考核不再举行，依据",
        "en": "from %(date)s the rounds and assessments the pilot notices set are no longer held, under",
    },
    "pilot_status_title": {"zh": "试点现状", "en": "Where the pilot stands"},
    "pilot_status_none": {
        "zh": "本站收录的文件中没有终止试点安排的文件。",
        "en": "No document on this portal ends the pilot's arrangements.",
    },
    "see_timeline": {"zh": "试点历程", "en": "Timeline of the pilot"},
    "history": {"zh": "历史资料", "en": "History"},
    "history_page": {
        "zh": "本页记录试点申报期间的做法，现已不再适用，仅供查阅和核对过往材料。",
        "en": "This page records how filing worked during the pilot. It no longer applies; keep it for reference and for checking past records.",
    },
    "history_section": {
        "zh": "本节记录试点申报期间的做法，现已不再适用，仅供查阅。",
        "en": "This section records how things worked during the pilot's filing rounds. It no longer applies; it stays for reference.",
    },
    "see_handover": {"zh": "移交对各方意味着什么", "en": "What the hand-over means for you"},
    # timeline (macros/views/timeline.py, overrides/fragments/timeline.html)
    "timeline_intro": {
        "zh": "本站收录和引用的文件按时间排列，并写明各自带来的变化。没有发文日期的文件按文号中的年份排列。",
        "en": "The documents this portal holds or cites, in date order, with what each changed. A document without a known date of issue is placed by the year in its number.",
    },
    "timeline_not_reproduced": {
        "zh": "本站未收录原文，仅记录引用文件所载的标题、文号和发文单位",
        "en": "Not reproduced here: only the title, number and issuers the citing notices give",
    },
    "timeline_cited_by": {"zh": "引用文件", "en": "Cited by"},
    "cites": {"zh": "本文件引用的文件", "en": "Documents this one cites"},
    "timeline_batches": {"zh": "证书批次", "en": "Certificate batches"},
    "timeline_batch": {
        "zh": "教育部公布第%s批职业技能等级证书",
        "en": "The Ministry of Education publishes batch %s of the certificates",
    },
    "timeline_year_unknown": {"zh": "年份未载明", "en": "year not given"},
    "timeline_catalogue": {"zh": "四批共公布 %(total)s 个证书", "en": "In all %(total)s certificates were published"},
    "timeline_deadline": {"zh": "截止", "en": "Due"},
    "timeline_more": {
        "zh": "该省较早的 %s 份通知见省份页面",
        "en": "%s older notices of this province are on its page",
    },
    "year_from_number": {"zh": "年（据文号）", "en": " (year from the number)"},
}
