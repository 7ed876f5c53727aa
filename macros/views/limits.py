# How much of each province a national page shows: the newest few notices or windows, so that a page does not grow
# with the number of notices (each province's own page shows all of them). Python and the templates (through the
# render environment's `limits`) both read these; nothing else writes the numbers.
from __future__ import annotations

# home page: the "now / next" box (overrides/fragments/present.html; docs/assets/calendar.js and portal.js redo the
# list in the browser with the same number, written there as LIMIT)
PRESENT = 5
# home page: each province's table of dated windows (home_overview.html), about this many rows of its newest notices
HOME_WINDOWS_PER_PROVINCE = 6
# national calendar: each province's newest notices, as on the home page
NATIONAL_CALENDAR_WINDOWS_PER_PROVINCE = HOME_WINDOWS_PER_PROVINCE
# all-notices page (notices.html): each province's newest notices
NOTICES_PAGE_PER_PROVINCE = 5
# the side-by-side comparison of provinces (comparison.html): each province's newest notices
COMPARISON_NOTICES_PER_PROVINCE = 3
# certificate catalogue: the rules of each province's newest notices, as in the comparison
CATALOGUE_RULE_NOTICES_PER_PROVINCE = COMPARISON_NOTICES_PER_PROVINCE
# timeline: each province's newest notices
TIMELINE_NOTICES_PER_PROVINCE = 3
# forms page: notices whose attachments are only named (no reproduced form), each province's newest
FORMS_NAMED_ONLY_PER_PROVINCE = 3
# a document that ends every provincial notice (_status_notice.html): the notices named before "n more"
ENDED_NOTICES_NAMED = 8
# certificate catalogue: at most this many certificates on one page of the list (a batch with more is cut into equal
# consecutive parts; the catalogue's own page lists every certificate by name and finds them all)
CATALOGUE_CERTIFICATES_PER_PAGE = 100
# the Atom feeds (feed.xml, en/feed.xml): the newest notices only, as a reader's feed app shows them; a feed of every
# notice would grow with the data (some 2 MB at 2000 notices) on a phone that polls it
FEED_ENTRIES = 50
