# What a page read of the portal (portal_reads.Reads), written down so that a later `mkdocs build`, another process,
# can ask its own portal the same questions (page_store.py): a record given as an argument is named by its place
# (the digest of its file's bytes and its path in the file), anything else must be a plain value. A place the later
# portal does not have is a record that changed or went: the page is rendered again.
from __future__ import annotations

from macros.site.portal_reads import METHODS, Fingerprints, Reads

# A question as kept: its name and its arguments, each a str, int or None, or a record as (RECORD, its place)
Kept = tuple[tuple, ...]
RECORD = "record"
_PLAIN = (str, int, type(None))


def kept(reads: Reads, fingerprints: Fingerprints) -> Kept | None:
    """`reads` in terms another process can ask again, or None if one of its questions cannot be (it asked about an
    object no file holds, or about something worked out of the whole data)."""
    out = []
    for token, args in reads.items():
        name = token[0]
        if name in METHODS:
            written: list[object] = []
            for arg in args:
                if isinstance(arg, _PLAIN):
                    written.append(arg)
                    continue
                place = fingerprints.place(arg)
                if place is None:
                    return None
                written.append((RECORD, place))
            out.append((name, *written))
        elif name == "derived" or not all(isinstance(part, _PLAIN) for part in token):
            return None
        else:  # a field, one key of a lookup, a produced file: the question is its own argument list
            out.append(token)
    return tuple(out)


def revived(questions: Kept, fingerprints: Fingerprints) -> Reads | None:
    """The kept questions as Reads of this process's portal (each question with its arguments), or None if one names
    a record this portal does not hold."""
    reads: Reads = {}
    for question in questions:
        name = question[0]
        if name not in METHODS:
            reads[question] = question[1:]
            continue
        args = []
        for arg in question[1:]:
            if isinstance(arg, tuple):
                record = fingerprints.at(arg[1])
                if record is None:
                    return None
                args.append(record)
            else:
                args.append(arg)
        reads[question] = tuple(args)
    return reads


def as_kept(reads: Reads, questions: Kept) -> Reads:
    """`reads` keyed by their kept questions (same order, same arguments): the tokens TokenValues digests the same
    way in this build and in a later one."""
    return dict(zip(questions, reads.values(), strict=True))
