# The reader's words for the data's enumerated values (stage, round, status, …), per language.
from __future__ import annotations

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
