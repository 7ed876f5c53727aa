# Every word the site writes, per language: each label is {language: text} with one entry per language of LANGS.
# The general labels, page titles, punctuation and date formats are here; the words of single features are in the
# labels_*.py modules beside this one and merged below. A new language adds one entry to every label (a test checks).
from __future__ import annotations

from macros.views.language.labels_calendar import CALENDAR_LABELS
from macros.views.language.labels_catalogue import CATALOGUE_LABELS
from macros.views.language.labels_forms import FORM_LABELS
from macros.views.language.labels_site import SITE_LABELS
from macros.views.language.labels_status import STATUS_LABELS

GENERAL_LABELS: dict[str, dict[str, str]] = {
    "untranslated": {"zh": "（暂无译文）", "en": "(not yet translated)"},
    "by": {"zh": "截至", "en": "by "},
    "home": {"zh": "首页", "en": "Home"},
    "provinces": {"zh": "省份", "en": "Provinces"},
    "notices": {"zh": "通知", "en": "Notices"},
    "notice": {"zh": "通知", "en": "Notice"},
    "doc_number": {"zh": "文号", "en": "Document number"},
    "issuer": {"zh": "发文单位", "en": "Issued by"},
    "issued": {"zh": "发布日期", "en": "Date of issue"},
    "issued_unknown": {"zh": "未知", "en": "Unknown"},
    "audience": {"zh": "适用对象", "en": "Applies to"},
    "status": {"zh": "状态", "en": "Status"},
    "summary": {"zh": "摘要", "en": "Summary"},
    "key_rules": {"zh": "要点", "en": "Key rules"},
    "deadlines": {"zh": "时间节点", "en": "Deadlines"},
    "contacts": {"zh": "联系方式", "en": "Contacts"},
    "attachments": {"zh": "附件", "en": "Attachments"},
    "source": {"zh": "来源", "en": "Source"},
    "original": {"zh": "原文", "en": "Original"},
    "certificate_scope": {"zh": "证书范围", "en": "Certificates covered"},
    "school_scope": {"zh": "院校范围", "en": "Schools covered"},
    "submission_channel": {"zh": "申报渠道", "en": "How to submit"},
    "review_stages": {"zh": "审核环节", "en": "Review stages"},
    "procedure": {"zh": "工作程序", "en": "Procedure"},
    "certificate_rules": {"zh": "证书与等级限制", "en": "Limits on certificates and levels"},
    "phone": {"zh": "电话", "en": "Phone"},
    "email": {"zh": "邮箱", "en": "E-mail"},
    "qq_group": {"zh": "QQ群", "en": "QQ group"},
    "address": {"zh": "地址", "en": "Address"},
    "published_in": {"zh": "见于", "en": "As published in"},
    "on": {"zh": "，发布于", "en": " on"},
    "window": {"zh": "时间", "en": "Dates"},
    "stage": {"zh": "环节", "en": "Stage"},
    "who": {"zh": "对象", "en": "Who"},
    "round": {"zh": "批次", "en": "Round"},
    "recurring": {"zh": "每年重复", "en": "Repeats every year"},
    "recurring_since": {"zh": "每年重复（自%s年起）", "en": "Repeats every year (from %s)"},
    "no_exact_date": {"zh": "无具体日期", "en": "No exact date"},
    "updated": {"zh": "数据核对日期", "en": "Data last checked"},
    "edit_source": {"zh": "编辑数据源", "en": "Edit the source data"},
    "browse_source": {"zh": "查看数据文件夹", "en": "Browse the data folder"},
    "source_file": {"zh": "数据源文件", "en": "Source data file"},
    "feed_title": {"zh": "1+X 证书制度试点：通知更新", "en": "1+X certificate pilot: notice updates"},
    "feed_subtitle": {
        "zh": "各地1+X证书制度试点通知（依据官方文件整理，以原件为准）",
        "en": "Notices of the 1+X certificate pilot, compiled from official documents (the originals prevail)",
    },
    "note": {"zh": "说明", "en": "Note"},
    "province": {"zh": "省份", "en": "Province"},
    "school_document": {"zh": "院校文件", "en": "School document"},
    "none_published": {"zh": "该文件未公布", "en": "Not published in this document"},
    "form_page": {"zh": "表格页面", "en": "Form page"},
    "get_original": {"zh": "获取原件", "en": "Where to get it"},
    "all_notices": {"zh": "全部通知", "en": "All notices"},
    "notice_count": {"zh": "份通知", "en": " notices"},
    # translation coverage page for maintainers (macros/views/translations.py; overrides/fragments/translations.html)
    "translation_coverage": {"zh": "英文译文覆盖率", "en": "English translation coverage"},
    "texts_missing": {"zh": "条内容缺少英文译文，共 %s 条", "en": "texts without an English translation, of %s"},
    "translations_intro": {
        "zh": "以下数据字段尚无英文译文，英文页面暂以中文原文显示并加注“not yet translated”。在所列数据文件的对应字段下补充 en 即可。",
        "en": "These data fields have no English text yet; English pages show the Chinese original with a “not yet translated” mark. Add an en value to the field in the data file listed.",
    },
    "translations_none": {
        "zh": "所有数据内容均已有英文译文。",
        "en": "Every text in the data has its English translation.",
    },
    "data_file": {"zh": "数据文件", "en": "Data file"},
    "data_field": {"zh": "字段", "en": "Field"},
    "chinese_original": {"zh": "中文原文", "en": "Chinese original"},
    "pages_without_english": {
        "zh": "尚无英文版本的页面（请添加同名 .en.md 文件）",
        "en": "Pages without an English version (add the .en.md file of the same name)",
    },
    "more_windows": {
        "zh": "较早通知中的时间节点（共 %s 个）见省份页面",
        "en": "All %s dated windows, older notices included, are on the province page",
    },
    "more_notices": {"zh": "该省全部 %s 份通知见省份页面", "en": "All %s notices of this province are on its page"},
    # meta descriptions of the pages made from data (macros/views/page_summary.py)
    "desc_notices": {
        "zh": "1+X证书制度试点通知：%(provinces)s的%(notices)s，按省份列出文号、发布日期和发文单位。",
        "en": "Notices of the 1+X certificate pilot: %(notices)s from %(provinces)s, by province, with their document numbers, dates and issuers.",
    },
    "desc_provinces": {
        "zh": "按省份查看1+X证书制度试点的通知、时间节点和联系方式：%(names)s。",
        "en": "Notices, deadlines and contacts of the 1+X certificate pilot by province: %(names)s.",
    },
    "desc_province": {
        "zh": "%(name)s1+X证书制度试点：%(notices)s，%(windows)s，以及联系方式和附件表格。",
        "en": "The 1+X certificate pilot in %(name)s: %(notices)s, %(windows)s, contacts and forms.",
    },
    # a count and its noun; English: singular|plural
    "desc_n_notices": {"zh": "%s份通知", "en": "%s notice|%s notices"},
    "desc_n_windows": {"zh": "%s个有具体日期的时间节点", "en": "%s dated deadline|%s dated deadlines"},
    "desc_n_provinces": {"zh": "%s个省份", "en": "%s province|%s provinces"},
    "desc_n_forms": {"zh": "%s个表格", "en": "%s form|%s forms"},
    "desc_latest": {"zh": "最新通知：%(doc)s《%(title)s》。", "en": "Latest notice: %(title)s (%(doc)s)."},
    "desc_all_provinces": {"zh": "全部省份", "en": "all provinces"},
    "desc_calendar": {
        "zh": "1+X证书制度试点时间节点日历（%(scope)s）：月历、按时间顺序的列表和可订阅的 .ics 日历。",
        "en": "Deadline calendar of the 1+X certificate pilot (%(scope)s): month grids, a list in date order and .ics calendars to subscribe to.",
    },
    "desc_forms": {
        "zh": "各地1+X证书试点通知所附表格：%(forms)s可在线查看栏目并下载，其余列出获取原件的途径。",
        "en": "The forms attached to the 1+X pilot notices: %(forms)s with their fields online and files to download, and where to get the others.",
    },
    "desc_form": {
        "zh": "%(doc)s附件%(n)s《%(title)s》的栏目结构，及据此生成的 %(formats)s 文件（以原件为准）。",
        "en": "The fields of attachment %(n)s of %(doc)s, “%(title)s”, and %(formats)s files generated from it (the original prevails).",
    },
    "desc_word": {"zh": "Word", "en": "Word"},
    "desc_word_excel": {"zh": "Word 和 Excel", "en": "Word and Excel"},
    "desc_certificates": {
        "zh": "1+X证书目录：收录教育部已公布的%(total)s个证书中的%(held)s个，以及各地通知对证书和等级的限制。",
        "en": "Catalogue of 1+X certificates: %(held)s of the %(total)s the Ministry published, and the limits the notices put on certificates and levels.",
    },
    "desc_certificate_part": {
        "zh": "1+X证书目录（%(part)s）：%(n)s个证书的等级、生效日期、培训评价组织和来源，从%(first)s到%(last)s。",
        "en": "1+X certificate catalogue, %(part)s: levels, their dates, organisation and sources of %(n)s certificates, from %(first)s to %(last)s.",
    },
    "desc_translations": {
        "zh": "供维护者使用：%(missing)s条数据内容尚无英文译文（共%(total)s条），列出所在数据文件和字段。",
        "en": "For maintainers: the %(missing)s of %(total)s texts in the data without an English translation, with their data files and fields.",
    },
}

# The titles of the pages the data generates (macros/views/*.py page specs); %s: the province's name.
PAGE_TITLES: dict[str, dict[str, str]] = {
    "title_provinces": {"zh": "各省份", "en": "Provinces"},
    "title_notices": {"zh": "全部通知", "en": "All notices"},
    "title_calendar": {"zh": "时间节点日历", "en": "Deadline calendar"},
    "title_province_calendar": {"zh": "%s时间节点日历", "en": "Deadline calendar: %s"},
    "title_certificates": {"zh": "证书目录", "en": "Certificate catalogue"},
    "title_forms": {"zh": "表格", "en": "Forms"},
    "title_timeline": {"zh": "试点历程", "en": "Timeline of the pilot"},
    "title_translations": {"zh": "待翻译内容（维护者）", "en": "Missing translations (for maintainers)"},
}

# Punctuation and the space between words: full-width in Chinese, ASCII with its space in English.
PUNCTUATION: dict[str, dict[str, str]] = {
    "colon": {"zh": "：", "en": ": "},
    "semicolon": {"zh": "；", "en": "; "},
    "full_stop": {"zh": "。", "en": ". "},
    "comma": {"zh": "，", "en": ", "},
    "paren_open": {"zh": "（", "en": " ("},
    "paren_close": {"zh": "）", "en": ")"},
    # between two items of a line: none in Chinese, which sets no spaces between words (the CSS spaces the items
    # where they need it, e.g. `:lang(zh) .x-notice-list small`)
    "word_space": {"zh": "", "en": " "},
    # between the items of a list of names, and before its last item ("A、B、C" / "A, B and C")
    "list_sep": {"zh": "、", "en": ", "},
    "list_last_sep": {"zh": "、", "en": " and "},
}

# Dates (macros/views/language/dates.py): %(year)s, %(month)s (a number), %(mon)s (month_abbr), %(day)s; a range
# joins two dates written in full or without the year (start/end, start_no_year/end_no_year, start_day).
DATE_FORMATS: dict[str, dict[str, str]] = {
    "date": {"zh": "%(year)s年%(month)s月%(day)s日", "en": "%(day)s %(mon)s %(year)s"},
    "date_no_year": {"zh": "%(month)s月%(day)s日", "en": "%(day)s %(mon)s"},
    "month_abbr": {
        "zh": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    },
    "range": {"zh": "%(start)s—%(end)s", "en": "%(start)s – %(end)s"},
    "range_same_year": {"zh": "%(start)s—%(end_no_year)s", "en": "%(start_no_year)s – %(end)s"},
    "range_same_month": {"zh": "%(start)s—%(end_no_year)s", "en": "%(start_day)s – %(end)s"},
    "year_suffix": {"zh": "年", "en": ""},
}


def _merged(*groups: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for group in groups:
        if clash := merged.keys() & group.keys():
            raise KeyError(f"labels defined twice: {sorted(clash)}")
        merged.update(group)
    return merged


LABELS = _merged(
    GENERAL_LABELS,
    PAGE_TITLES,
    PUNCTUATION,
    DATE_FORMATS,
    FORM_LABELS,
    CALENDAR_LABELS,
    CATALOGUE_LABELS,
    STATUS_LABELS,
    SITE_LABELS,
)


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def labels_of(key: str) -> dict[str, str]:
    """The label in every language: what a page spec takes as its title."""
    return dict(LABELS[key])
