# The .ics events' cache: the same feeds with or without it, served only when whole, keyed by the records an event
# is made from, the site's settings and the writer's code, pruned to the last build's events, off with
# PORTAL_ICS_CACHE=0.
from __future__ import annotations

import copy
import dataclasses

import pytest

from macros.outputs import ics, ics_cache
from macros.outputs.form_cache import FormCache
from tests.support import damage_entries, site_config


@pytest.fixture
def counted(monkeypatch):
    """The event writer, counting the events it makes."""
    made: list[tuple[str, str]] = []
    real = ics.deadline_event

    def make(province, notice, deadline, site, until=(None, None)):
        made.append((notice.id, deadline.id))
        return real(province, notice, deadline, site, until)

    monkeypatch.setattr(ics, "deadline_event", make)
    return made


def _entries(folder):
    return FormCache(folder).keys()


def test_cached_feeds_are_the_bytes_made_without_the_cache(portal, tmp_path, counted):
    site = site_config()
    uncached = ics.produce_feeds(portal, site, cache=FormCache(None))
    events = len(counted)
    assert events and len(uncached) > events  # the national and province feeds besides one per event
    cold = ics.produce_feeds(portal, site, cache=FormCache(tmp_path))
    assert len(counted) == 2 * events and len(_entries(tmp_path)) == events
    warm = ics.produce_feeds(portal, site, cache=FormCache(tmp_path))
    assert len(counted) == 2 * events  # every event served from the cache
    assert cold == uncached and warm == uncached  # same paths, byte-identical files


def test_a_changed_deadline_or_setting_changes_the_feeds_with_a_warm_cache(portal, tmp_path):
    site = site_config()
    ics.produce_feeds(portal, site, cache=FormCache(tmp_path))
    changed = copy.deepcopy(portal)
    notice = next(n for n in changed.notices if any(d.end for d in n.deadlines))
    index, deadline = next((i, d) for i, d in enumerate(notice.deadlines) if d.end)
    title = deadline.title.model_copy(update={"zh": deadline.title.zh + "（改）"})
    notice.deadlines[index] = deadline.model_copy(update={"title": title})
    own = ics.ics_event_path(notice.id, deadline.id)
    for portal_now, site_now in (
        (changed, site),
        (portal, dataclasses.replace(site, reminder_days=site.reminder_days + 3)),
    ):
        warm = ics.produce_feeds(portal_now, site_now, cache=FormCache(tmp_path))
        assert warm == ics.produce_feeds(portal_now, site_now, cache=FormCache(None))
    assert "（改）".encode() in ics.produce_feeds(changed, site, cache=FormCache(tmp_path))[own]


def test_a_damaged_entry_is_made_again_and_rewritten_never_served(portal, tmp_path, counted):
    site = site_config()
    expected = ics.produce_feeds(portal, site, cache=FormCache(tmp_path))
    damaged = damage_entries(tmp_path, cut=40)
    counted.clear()
    assert ics.produce_feeds(portal, site, cache=FormCache(tmp_path)) == expected
    assert len(counted) == len(damaged)
    counted.clear()
    assert ics.produce_feeds(portal, site, cache=FormCache(tmp_path)) == expected
    assert counted == []  # the damaged entries were rewritten whole


def test_an_entry_that_does_not_split_into_head_and_event_is_made_again(tmp_path):
    store = FormCache(tmp_path)
    store.put("k", (1000).to_bytes(4, "big") + b"short")  # whole (its digest holds) but not a head and an event
    assert ics_cache.made(store, "k", lambda: (b"HEAD", b"EVENT")) == (b"HEAD", b"EVENT")
    assert ics_cache.made(store, "k", lambda: (b"other", b"other")) == (b"HEAD", b"EVENT")


def test_the_key_changes_with_the_records_the_settings_and_the_code(portal):
    site = site_config()
    keys = ics_cache.EventKeys(site)
    province, notice, deadline = next(iter(ics.dated_deadlines(portal)))
    until = ics.until_of(portal, notice, deadline)
    key = keys.key(province, notice, deadline, until)
    assert key == ics_cache.EventKeys(site).key(province, notice, deadline, until)
    moved = notice.model_copy(update={"updated": notice.updated.replace(year=1999)})
    others = {
        ics_cache.EventKeys(site).key(province, moved, deadline, until),
        ics_cache.EventKeys(site).key(
            province.model_copy(update={"order": province.order + 1}), notice, deadline, until
        ),
        ics_cache.EventKeys(dataclasses.replace(site, url="https://elsewhere.example/")).key(
            province, notice, deadline, until
        ),
        ics_cache.EventKeys(site, version="another writer").key(province, notice, deadline, until),
        keys.key(province, notice, deadline, (2099, until[1])),
    }
    assert key not in others and len(others) == 5
    assert "macros.outputs.ics" in ics_cache.code_sources(ics_cache.WRITERS)
    assert "macros.views.language.labels" in ics_cache.code_sources(ics_cache.WRITERS)


def test_the_switch_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv(ics_cache.SWITCH, "0")
    assert ics_cache.default_cache().folder is None
    monkeypatch.delenv(ics_cache.SWITCH)
    assert ics_cache.default_cache().folder == ics_cache.DEFAULT_FOLDER
