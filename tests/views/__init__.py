# Tests of macros/views, and the built pages they describe.
