# What a page read, written down for another process (macros/site/kept_reads.py) and the build's fingerprints it
# rests on (macros/site/portal_reads.py): records named by their file's bytes and place, asked again of a new portal,
# never matched when the record changed, and questions no later build could ask kept as none.
from __future__ import annotations

import dataclasses
import os

from macros.data.portal import load_portal
from macros.outputs.form_model import Download
from macros.site.digests import tree_digests
from macros.site.kept_reads import kept, revived
from macros.site.portal_reads import Fingerprints, TokenValues, portal_fingerprints, recording
from tests.support import site_config


def _fingerprints(root, portal) -> Fingerprints:
    return portal_fingerprints(portal, tree_digests(root, ("data",)))


def _values(root, portal, fingerprints) -> TokenValues:
    return TokenValues(portal, site_config(), tree_digests(root, ("data", "docs")), lambda path: b"", fingerprints)


def test_questions_about_records_are_asked_again_of_a_new_portal(data_root):
    portal = load_portal(data_root)
    notice = portal.notices[0]
    view, reads = recording(portal)
    view.forms_of(notice), view.notices_in(portal.provinces[0].id), view.notice_by_id[notice.id]
    if notice.deadlines:
        view.last_round_year(notice, notice.deadlines[0])
    fingerprints = _fingerprints(data_root, portal)
    questions = kept(reads, fingerprints)
    assert questions is not None and all(q[0] for q in questions)

    again = load_portal(data_root)
    assert again.notice_by_id[notice.id] is not notice
    again_prints = _fingerprints(data_root, again)
    asked = revived(questions, again_prints)
    assert asked is not None
    args = next(a for q, a in asked.items() if q[0] == "forms_of")
    assert args[0] is again.notice_by_id[notice.id]  # the new portal's record, found by its place
    first = _values(data_root, portal, fingerprints).digest(dict(zip(questions, reads.values())))
    assert _values(data_root, again, again_prints).digest(asked) == first


def test_a_question_about_a_changed_record_cannot_be_asked_again(data_root):
    portal = load_portal(data_root)
    notice = portal.notices[0]
    view, reads = recording(portal)
    view.forms_of(notice)
    questions = kept(reads, _fingerprints(data_root, portal))
    path = data_root / portal.source_of[("notice", notice.id)]
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = load_portal(data_root)
    assert questions is not None and revived(questions, _fingerprints(data_root, edited)) is None


def test_questions_about_objects_no_file_holds_are_not_kept(data_root):
    portal = load_portal(data_root)
    view, reads = recording(portal)
    view.forms_of(portal.notices[0].model_copy())  # a copy: no file's record
    assert kept(reads, _fingerprints(data_root, portal)) is None
    assert kept({("derived", "x.y"): (len,)}, _fingerprints(data_root, portal)) is None


def test_fingerprints_hold_across_processes_and_leave_out_what_is_followed_apart():
    prints = Fingerprints(unchanging=True)
    assert prints.of({"b", "a", "c"}) == prints.of({"c", "b", "a"})  # sorted: a set's order is the process's
    one = Download("f", "docx", "zh", "forms/f.docx", "f.docx", size_of=lambda path: 1)
    other = dataclasses.replace(one, size_of=lambda path: 2)
    assert prints.of(one) == prints.of(other)  # the size is a read of the page that shows it
    assert prints.of(one) != prints.of(dataclasses.replace(one, path="forms/g.docx"))
    assert "0x" not in Fingerprints().of(one)
    # a value of no known kind is named by this process and its address: another build's print never matches it
    assert f"{os.getpid()}:{id(prints)}" in Fingerprints(unchanging=True)._taken_apart(prints)


def test_one_builds_fingerprints_name_a_shared_part_once(data_root):
    portal = load_portal(data_root)
    prints = _fingerprints(data_root, portal)
    shared = [portal.notices[0], {"k": [1, 2]}]
    assert prints.of([shared, shared]) == prints.of([list(shared), list(shared)])
    assert (
        prints.place(portal.notices[0]) is not None and prints.at(prints.place(portal.notices[0])) is portal.notices[0]
    )
