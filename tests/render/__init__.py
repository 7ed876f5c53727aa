# Tests of macros/render: links and escaping, and Chinese spacing on every built page.
