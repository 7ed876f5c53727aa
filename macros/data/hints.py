# Suggestions for misspelt names: the closest allowed field, id or value, as " (did you mean 'x'?)" or nothing.
from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The allowed name nearest to `word` (difflib's ratio of at least 0.6), or None when none is near."""
    found = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice, '' when none is near (or `word` is itself a choice)."""
    choices = set(choices)
    if word in choices:
        return ""
    found = closest(word, choices)
    return f" (did you mean {found!r}?)" if found else ""
