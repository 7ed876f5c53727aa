# `python -m macros draft-notice`: read an official document, find its facts, write a commented draft notice.
