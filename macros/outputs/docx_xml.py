# WordprocessingML details python-docx lacks: explicit fonts, document defaults, cell shading, header rows, row
# heights, boxed paragraphs, column widths both Word and LibreOffice read, tables kept on one page, property
# lengths, the page-number field, the template's thumbnail removed.
from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def set_fonts(element, east_asian: str, latin: str) -> None:
    """Name the faces explicitly on a run or style (theme font attributes would win over them, so drop those)."""
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    # CT_TcPr is a sequence: w:shd goes before these (Word refuses files with children out of order).
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd,
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
        "w:headers",
        "w:cellIns",
        "w:cellDel",
        "w:cellMerge",
        "w:tcPrChange",
    )


def repeat_as_header(row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    trpr.append(flag)


def row_height(row, height) -> None:
    row.height = height
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def box(paragraph) -> None:
    """A thin border around a paragraph (the reference-translation notice)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "auto")
        borders.append(edge)
    ppr.insert_element_before(borders, *PPR_AFTER_BORDER)


PPR_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def column_widths(table, widths: list[int]) -> None:
    """Word reads the cell widths, LibreOffice the grid: set both."""
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def keep_together(table) -> None:
    """Keep a table on one page when it fits: rows do not split and each row keeps with the next."""
    rows = table.rows
    for i, row in enumerate(rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if i < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def fit_property(value: str) -> str:
    """Word's core properties hold at most 255 characters (python-docx refuses more): shorten, visibly."""
    return value if len(value) <= 255 else value[:254] + "…"


def document_defaults(styles, east_asian: str, latin: str, lang_tag: str) -> None:
    """The template's document defaults name theme fonts and US English: name the faces and the language instead,
    Chinese-aware for East Asian text."""
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    language = defaults.find(qn("w:lang"))
    language.set(qn("w:val"), lang_tag)
    language.set(qn("w:eastAsia"), "zh-CN")


def page_number(paragraph, east_asian: str, latin: str) -> None:
    """A PAGE field in the paragraph, showing 1 until the reader's application updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    number = OxmlElement("w:r")
    field.append(number)
    set_fonts(number, east_asian, latin)
    value = OxmlElement("w:t")
    value.text = "1"
    number.append(value)


def drop_thumbnail(package) -> None:
    """python-docx's template carries a thumbnail of its blank page: without the relationship it is not saved."""
    for rid in [rid for rid, rel in package.rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package.rels[rid]
