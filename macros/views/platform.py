# The national platform the documents name (职业技能等级证书信息管理服务平台, the certificate management platform):
# linked to its address wherever a document's running text names it in full. Only this fixed address: a web
# address typed into data is never made a link (tests/site/test_hostile.py).
from __future__ import annotations

import re

from markupsafe import Markup

URL = "https://vslc.ncb.edu.cn/"  # as Shandong's and Hunan's notices give it (the Anhui notice misprints the host)
# The names as the documents and our translations write them, longest first.
_NAME = re.compile(
    "(?:教育部)?职业技能等级证书信息管理服务平台"
    "|(?:[Vv]ocational [Ss]kill [Ll]evel )?[Cc]ertificate [Mm]anagement [Pp]latform"
)


def link(text: Markup) -> Markup:
    """`text` (already escaped, as render.pick gives it) with the platform's name as a link. Only for running text that
    is not itself inside a link (a title in a link would nest links)."""
    if "平台" not in text and "latform" not in text:
        return text
    return Markup(_NAME.sub(lambda m: f'<a href="{URL}" rel="noopener" class="x-platform">{m.group()}</a>', str(text)))
