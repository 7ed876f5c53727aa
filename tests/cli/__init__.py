# Tests of macros/cli: the maintainers' commands and the documents that describe them.
