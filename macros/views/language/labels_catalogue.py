# Words of the certificate catalogue page, per language (merged into labels.LABELS).
from __future__ import annotations

CATALOGUE_LABELS: dict[str, dict[str, str]] = {
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
    # a certificate level several documents rule out (overrides/fragments/certificates.html)
    "cat_level_excluded_several": {
        "zh": "不得申报：%(n)s 份文件的规定，见“等级”一节",
        "en": "Not allowed by the rules of %(n)s documents: see “Levels” above",
    },
    # the catalogue's pages of the list (overrides/fragments/certificate_part.html) and its finder (certificates.html)
    "cat_part_n": {"zh": "（%(n)s/%(of)s）", "en": " (part %(n)s of %(of)s)"},
    "cat_find_intro": {
        "zh": "下面按批次列出本目录的全部证书。点击证书名称，打开其所在的列表页，查看等级、生效日期、培训评价组织和来源。",
        "en": "Every certificate in this catalogue, by batch. A certificate's name opens its page of the list, with its levels, their dates, its organisation and its sources.",
    },
    "cat_parts": {"zh": "按批次浏览", "en": "Browse by batch"},
    "cat_back": {
        "zh": "返回证书目录（按名称、组织、批次或等级查找全部证书）",
        "en": "Back to the catalogue (find any certificate by name, organisation, batch or level)",
    },
    "cat_part_intro": {
        "zh": "本页列出 %(n)s 个证书。",
        "en": "This page lists %(n)s certificates.",
    },
    "cat_level_excluded_elsewhere": {
        "zh": "不得申报：%(n)s 份文件的规定，见证书目录的“等级”一节",
        "en": "Not allowed by the rules of %(n)s documents: see “Levels” on the catalogue's page",
    },
    # the short names of a phone card's fields (the cells' data-card; the full column names stay in data-label)
    "cat_card_cat_batch": {"zh": "批次", "en": "Batch"},
    "cat_card_cat_levels_since": {"zh": "等级", "en": "Levels"},
    "cat_card_cat_organisation_and_source": {"zh": "培训评价组织", "en": "Organisation"},
    "cat_card_cat_field": {"zh": "领域", "en": "Field"},
    "cat_card_source": {"zh": "来源", "en": "Source"},
    "cat_card_cat_year": {"zh": "公布年份", "en": "Published"},
    "cat_card_cat_count_held": {"zh": "本目录收录", "en": "Held here"},
}
