# Language choice in one place: picking a Text in the reader's language (with the untranslated marker),
# UI labels, and date formats.
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from macros.render.safe_text import unbroken
from macros.views.labels_site import SITE_LABELS

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def pick(text, lang: str) -> Markup:
    """The text in `lang`, escaped (tokens kept unbroken); Chinese with a visible marker when the translation is
    missing."""
    if text is None:
        return Markup("")
    if isinstance(text, str):
        return unbroken(text)
    value = getattr(text, lang, None)
    if value:
        return unbroken(value)
    return Markup('<span lang="zh">{}</span> <span class="x-untranslated">{}</span>').format(
        unbroken(text.zh), label("untranslated", lang)
    )


def plain(text, lang: str) -> str:
    """Unescaped text in `lang` (falls back to Chinese), for attributes handled by an escaping template."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return getattr(text, lang, None) or text.zh


_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def fmt_date(day: dt.date | None, lang: str, *, year: bool = True) -> str:
    if day is None:
        return ""
    if lang == "zh":
        return (f"{day.year}年" if year else "") + f"{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]}" + (f" {day.year}" if year else "")


def fmt_range(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """'2022年3月14日—6月10日' / '14 Mar – 10 Jun 2022'; a single day when start is missing or equal."""
    if end is None:
        return ""
    if start is None or start == end:
        return fmt_date(end, lang) if start else f"{label('by', lang)}{fmt_date(end, lang)}"
    same_year = start.year == end.year
    if lang == "zh":
        return f"{fmt_date(start, lang)}—{fmt_date(end, lang, year=not same_year)}"
    if same_year and start.month == end.month:
        return f"{start.day} – {fmt_date(end, lang)}"
    return f"{fmt_date(start, lang, year=not same_year)} – {fmt_date(end, lang)}"


LABELS: dict[str, dict[str, str]] = {
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
    "colon": {"zh": "：", "en": ": "},
    "note": {"zh": "说明", "en": "Note"},
    "province": {"zh": "省份", "en": "Province"},
    "school_document": {"zh": "院校文件", "en": "School document"},
    "none_published": {"zh": "该文件未公布", "en": "Not published in this document"},
    "form_page": {"zh": "表格页面", "en": "Form page"},
    "get_original": {"zh": "获取原件", "en": "Where to get it"},
    "all_notices": {"zh": "全部通知", "en": "All notices"},
    "notice_count": {"zh": "份通知", "en": " notices"},
    # translation coverage page for maintainers (macros/views/translations.py; overrides/fragments/translations.html)
    "translations_title": {"zh": "待翻译内容（维护者）", "en": "Missing translations (for maintainers)"},
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
    # form templates (macros/outputs/form_model.py, form_docx.py, form_xlsx.py; overrides/fragments/forms.html, form.html)
    "forms": {"zh": "表格", "en": "Forms"},
    "attachment_n": {"zh": "附件%s", "en": "Attachment %s"},
    "form_reference": {"zh": "参考译文", "en": "Reference translation"},
    "form_kind_docx": {"zh": "Word 文档", "en": "Word document"},
    "form_kind_xlsx": {"zh": "Excel 表格", "en": "Excel workbook"},
    "forms_intro": {
        "zh": "各通知所附表格，按省份和通知排列。已收录栏目的表格可在线查看结构并下载据此生成的 Word/Excel 文件；未收录栏目的附件列出名称和获取原件的途径（每省只列最新五份通知的，其余见各通知页面）。以通知原件为准。",
        "en": "The forms attached to each notice, by province and notice. Where we reproduce a form's fields you can view its structure and download Word/Excel files generated from it; for the others we name the attachment and say where to get the original (for each province's five latest notices; the notice pages list the rest). The original notices prevail.",
    },
    "filling_notes": {"zh": "填表说明", "en": "Notes on filling in the form"},
    "form_reference_header": {"zh": "参考译文，不作提交", "en": "English reference translation — not for submission"},
    "form_reference_banner": {
        "zh": "参考译文（%s附件）：请填写并提交中文表格。",
        "en": "Reference translation of a form attached to %s, to help you read it. Do not submit this file: fill in and submit the Chinese form.",
    },
    "form_file_comment": {
        "zh": "依据%s附件生成，以原件为准。",
        "en": "Generated from an attachment of %s; the original prevails.",
    },
    "form_file_application": {"zh": "1+X证书制度试点政策门户", "en": "1+X Certificate Pilot Policy Portal"},
    "form_file_author": {
        "zh": "1+X证书制度试点政策门户（依据通知附件生成）",
        "en": "1+X Certificate Pilot Policy Portal (generated from the notice's attachment)",
    },
    "xlsx_number_title": {"zh": "数值有误", "en": "Not a valid number"},
    "xlsx_number_integer": {"zh": "请输入不小于0的整数。", "en": "Enter a whole number, 0 or more."},
    "xlsx_number_decimal": {"zh": "请输入不小于0的数字。", "en": "Enter a number, 0 or more."},
    "xlsx_choice_title": {"zh": "请从列表中选择", "en": "Pick from the list"},
    "xlsx_choice_error": {"zh": "请从下拉列表中选择一项。", "en": "Pick one of the entries in the drop-down list."},
    "form_source": {"zh": "来源通知", "en": "Source notice"},
    "form_attachment": {"zh": "附件序号", "en": "Attachment"},
    "form_paper": {"zh": "纸张", "en": "Paper"},
    "paper_portrait": {"zh": "A4 纵向", "en": "A4 portrait"},
    "paper_landscape": {"zh": "A4 横向", "en": "A4 landscape"},
    "downloads": {"zh": "下载", "en": "Downloads"},
    "download_official": {"zh": "中文表格（填写提交用）", "en": "Chinese form — the one to fill in and submit"},
    "download_reference": {
        "zh": "英文参考译文（不作提交）",
        "en": "English reference translation — not for submission",
    },
    "form_structure": {"zh": "表格结构", "en": "Structure of the form"},
    "form_reference_page": {
        "zh": "本页按通知附件展示表格结构；请下载中文文件填写并按通知要求提交。",
        "en": "This page is a reference translation: the Chinese wording is shown beside each English label. Fill in and submit the Chinese file; the English files are for reading only.",
    },
    "form_not_reproduced": {"zh": "本站未收录栏目", "en": "Fields not reproduced here"},
    "form_generated_note": {
        "zh": "下载文件由本站依据通知附件生成：栏目与原件一致，表格线、空行数与留白为本站排版。",
        "en": "The downloads are generated by the portal from the notice's attachment: the fields match the original; ruling, blank rows and spacing are our layout.",
    },
    "form_summed": {"zh": "求和", "en": "sum"},
    "form_print": {
        "zh": "打印本页即得到表格的纸质版式。",
        "en": "Printing this page gives a paper layout of the form.",
    },
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
    "cal_colon": {"zh": "：", "en": ": "},
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
    "desc_translations": {
        "zh": "供维护者使用：%(missing)s条数据内容尚无英文译文（共%(total)s条），列出所在数据文件和字段。",
        "en": "For maintainers: the %(missing)s of %(total)s texts in the data without an English translation, with their data files and fields.",
    },
    # certificate catalogue (macros/views/catalogue.py, overrides/fragments/certificates.html)
    "cat_completeness": {"zh": "收录范围", "en": "What this catalogue holds"},
    "cat_held": {
        "zh": "本目录收录教育部已公布的 %(total)s 个证书中的 %(held)s 个；其余证书请在官方平台查询。",
        "en": "This catalogue holds %(held)s of the %(total)s certificates the Ministry has published; look the others up on the official platform.",
    },
    "cat_by_source": {"zh": "按来源：", "en": "By source: "},
    "cat_n_certificates": {"zh": "%s 个", "en": "%s"},
    "cat_merged": {
        "zh": "；其中 %(n)s 个证书不止一个来源列出，已合并为一条，各来源均注明。",
        "en": "; %(n)s certificates are listed by more than one source and appear once, naming each source.",
    },
    "cat_handed_over": {"zh": "移交", "en": "Hand-over"},
    "cat_handed_over_see": {"zh": "见", "en": "see "},
    "cat_official_list": {"zh": "官方名单", "en": "Official list"},
    "cat_translations": {
        "zh": "英文名称为本站自译。",
        "en": "English names of certificates and organisations are our own translations; the Chinese names are the official ones.",
    },
    "cat_sources": {"zh": "来源", "en": "Sources"},
    "cat_source_cited": {"zh": "本目录中有 %s 个证书出自此来源", "en": "%s certificates here come from this source"},
    "cat_source_open": {"zh": "查看来源", "en": "Open the source"},
    "cat_batches": {"zh": "证书批次", "en": "Batches"},
    "cat_batch": {"zh": "批次", "en": "Batch"},
    "cat_batch_n": {"zh": "第%s批", "en": "Batch %s"},
    "cat_sequence": {"zh": "批内序号 %s", "en": "No. %s in its batch"},
    "cat_year": {"zh": "公布年份", "en": "Published"},
    "cat_year_unknown": {"zh": "我们的来源未载明", "en": "Not given by our sources"},
    "cat_count_held": {"zh": "本目录收录", "en": "Held here"},
    "cat_batch_not_given": {"zh": "我们的来源未给出批次", "en": "Batch not given by our sources"},
    "cat_no_batch_option": {"zh": "未给出批次", "en": "No batch given"},
    "cat_batches_not_given": {
        "zh": "%(n)s 个证书只见于未列批次的来源，批次标为“我们的来源未给出批次”。",
        "en": "%(n)s certificates come only from a source without batch numbers; their batch reads “not given by our sources”.",
    },
    "cat_rules": {"zh": "适用的限制规则", "en": "Rules that apply"},
    "cat_rules_intro": {
        "zh": "以下规则出自各地通知（每省最新三份通知；较早通知的规则见其通知页面），限制可申报的证书或等级；只对发文单位管辖的范围有效。",
        "en": "These rules come from the notices (each province's three latest; older notices show theirs on their own pages) and limit which certificates or levels may be applied for; each holds only where its issuer's authority reaches.",
    },
    "cat_no_rules": {
        "zh": "本站收录的通知中没有限制证书或等级的规则。",
        "en": "None of the notices on this site limits certificates or levels.",
    },
    "cat_levels": {"zh": "等级", "en": "Levels"},
    "cat_levels_intro": {
        "zh": "证书列表中的等级是来源列出的等级，日期是平台所列的该等级生效日期。来源只采到部分等级时，未列出的等级不等于没有。",
        "en": "The levels in the list are those a source lists; each date is the date the platform gives that level as effective from. Where a source captured only some levels, a level not shown may still exist.",
    },
    "cat_level_count": {"zh": "%s 个证书的来源列出此等级", "en": "Listed for %s certificates by our sources"},
    "cat_levels_since": {"zh": "等级（生效日期）", "en": "Levels (effective from)"},
    "cat_level_since": {"zh": "%s起", "en": "from %s"},
    "cat_level_excluded_by": {"zh": "不得申报：", "en": "Not allowed by: "},
    "cat_level_minimum_of": {"zh": "最低可申报等级：", "en": "Lowest level allowed by: "},
    "cat_level_no_rule": {"zh": "本站收录的通知未对该等级设限。", "en": "No notice on this site limits this level."},
    "cat_levels_not_given": {
        "zh": "%(n)s 个证书的等级我们的来源未载明，表中标为“来源未载明”；请在官方平台查询。",
        "en": "Our sources do not give the levels of %(n)s certificates; the table marks them “not given by our sources”. Check the official platform.",
    },
    "cat_level_not_given": {"zh": "来源未载明", "en": "Not given by our sources"},
    "cat_list": {"zh": "证书列表", "en": "Certificate list"},
    "cat_name": {"zh": "证书名称", "en": "Certificate"},
    "cat_organisation": {"zh": "培训评价组织", "en": "Training evaluation organisation"},
    "cat_organisation_and_source": {"zh": "培训评价组织及来源", "en": "Training evaluation organisation and source"},
    "cat_field": {"zh": "领域/相关专业", "en": "Field / related majors"},
    "cat_field_unknown": {"zh": "未载明", "en": "Not given"},
    "cat_all": {"zh": "全部", "en": "All"},
    "cat_search": {"zh": "搜索名称或组织", "en": "Search names or organisations"},
    "cat_reset": {"zh": "清除筛选", "en": "Clear filters"},
    "cat_shown": {"zh": "显示 %(shown)s / %(total)s 个证书", "en": "Showing %(shown)s of %(total)s certificates"},
    "cat_none_match": {"zh": "没有符合条件的证书。", "en": "No certificate matches."},
    "cat_level_filter_hides": {
        "zh": "按等级筛选时，只显示来源列出该等级的证书，等级未载明的证书不显示。",
        "en": "A level filter shows only certificates whose sources list that level; those without levels given are hidden.",
    },
    "cat_share": {
        "zh": "地址栏中的链接会保留当前筛选，可直接分享。",
        "en": "The address in your browser keeps the current filters, so you can share this view.",
    },
    "cat_named_in": {"zh": "相关规则：", "en": "Rules naming it: "},
    "cat_as_written_by": {"zh": "此写法出自：", "en": "Spelling used by: "},
    "cat_from_source": {"zh": "来源：", "en": "Source: "},
    "cat_from_sources": {"zh": "来源：", "en": "Sources: "},
    "cat_rule_levels_allowed": {"zh": "可申报等级", "en": "Levels allowed"},
    "cat_rule_levels_excluded": {"zh": "不得申报的等级", "en": "Levels ruled out"},
    "cat_rule_certificates": {"zh": "适用证书", "en": "Certificates"},
    "cat_rule_all_certificates": {
        "zh": "所有证书（在该通知范围内）",
        "en": "Every certificate (within the notice's scope)",
    },
    "cat_rule_issuer": {"zh": "发文单位", "en": "Issued by"},
    "cat_see_catalogue": {"zh": "在证书目录中查看", "en": "See the certificate catalogue"},
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
    "year_suffix": {"zh": "年", "en": ""},
    "semicolon": {"zh": "；", "en": "; "},
    "full_stop": {"zh": "。", "en": ". "},
    "comma": {"zh": "，", "en": ", "},
}

ENUMS: dict[str, dict[str, dict[str, str]]] = {
    "stage": {
        "plan_submission": {"zh": "编报计划", "en": "Plan submission"},
        "school_filing": {"zh": "院校申报", "en": "School filing"},
        "municipal_review": {"zh": "市级审核", "en": "Municipal review"},
        "provincial_review": {"zh": "省级审核", "en": "Provincial review"},
        "materials_due": {"zh": "材料报送", "en": "Materials due"},
        "results_published": {"zh": "结果公布", "en": "Results published"},
        "training_assessment_complete": {"zh": "完成培训考核", "en": "Training and assessment complete"},
        "adjustment": {"zh": "申报调整", "en": "Adjustment"},
        "handover": {"zh": "移交", "en": "Hand-over"},
        "other": {"zh": "其他", "en": "Other"},
    },
    "round": {
        "spring": {"zh": "春季", "en": "Spring"},
        "autumn": {"zh": "秋季", "en": "Autumn"},
        "first": {"zh": "第一轮", "en": "First round"},
        "second": {"zh": "第二轮", "en": "Second round"},
        "single": {"zh": "单轮", "en": "Single round"},
    },
    "status": {
        "in_force": {"zh": "有效", "en": "In force"},
        "expired": {"zh": "已过期（所涉年度已结束）", "en": "Expired (its year is over)"},
        "superseded": {"zh": "已被取代", "en": "Superseded"},
        "unknown": {"zh": "效力未核实", "en": "Validity not verified"},
    },
    "audience": {
        "higher_vocational": {"zh": "高职院校", "en": "Higher vocational colleges"},
        "provincial_authorities": {
            "zh": "省级人力资源社会保障和教育行政部门",
            "en": "Provincial human-resources and education departments",
        },
        "secondary_vocational": {"zh": "中职学校", "en": "Secondary vocational schools"},
        "undergraduate_applied": {"zh": "应用型本科高校", "en": "Applied undergraduate universities"},
        "municipal_bureau": {"zh": "市级教育行政部门", "en": "Municipal education bureaus"},
        "evaluation_organisation": {"zh": "培训评价组织", "en": "Training evaluation organisations"},
        "school_internal": {"zh": "校内各部门", "en": "Offices within the school"},
    },
    "level": {
        "junior": {"zh": "初级", "en": "Junior"},
        "intermediate": {"zh": "中级", "en": "Intermediate"},
        "senior": {"zh": "高级", "en": "Senior"},
    },
    "issuer_kind": {
        "department": {"zh": "省级教育行政部门", "en": "Provincial department"},
        "division": {"zh": "处室", "en": "Division"},
        "office": {"zh": "工作机构", "en": "Office"},
        "school": {"zh": "院校", "en": "School"},
        "ministry": {"zh": "国务院部委", "en": "Ministry"},
        "general_office": {"zh": "部委办公厅", "en": "General office of a ministry"},
    },
    "effect": {
        "ends": {"zh": "终止", "en": "ends"},
        "supersedes": {"zh": "取代", "en": "supersedes"},
        "ends_rounds": {"zh": "终止其时间节点", "en": "ends the windows of"},
        "ends_rules": {"zh": "终止部分规则", "en": "ends rules of"},
    },
}


LABELS.update(SITE_LABELS)


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def enum_label(kind: str, value: str, lang: str) -> str:
    return ENUMS[kind][value][lang]
