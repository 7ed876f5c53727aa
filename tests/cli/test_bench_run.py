# The benchmark's runner (bench/run.py): what it checks before it spends half an hour building.
from __future__ import annotations

import pytest

import bench.run
import bench.search_bytes


def test_without_chromium_it_stops_before_building_and_says_how_to_install(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bench.search_bytes, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(bench.run, "real_size_search", lambda work: pytest.fail("it built the site"))
    out = tmp_path / "results.json"
    assert bench.run.main(["--sizes", "250", "--no-serve", "--out", str(out)]) == 2
    assert "make system-deps" in capsys.readouterr().err
    assert not out.exists()


def test_each_build_writes_a_new_folder_and_no_site_is_deleted_during_a_size(monkeypatch, tmp_path):
    # Deleting a site just before a build made that build pay the file system's post-delete cost (BENCHMARKS.md).
    built = []

    def fake_build(project, out, log):
        assert not out.exists(), f"{out} was built into twice"
        out.mkdir(parents=True)
        (out / "index.html").write_text("<html></html>")
        built.append((project.name if project.parent.name != "baseline" else "baseline", out.name))
        return bench.run.Build(seconds=1.0, cpu_seconds=1.0, peak_rss_mb=1.0)

    monkeypatch.setattr(bench.run, "generate", lambda dest, size: dest.mkdir(parents=True) or dest)
    monkeypatch.setattr(bench.run, "prerender", lambda project, dest, log: dest.mkdir())
    monkeypatch.setattr(bench.run, "mkdocs_build", fake_build)
    monkeypatch.setattr(bench.run, "measure_site", lambda site: {})
    monkeypatch.setattr(bench.run.shutil, "rmtree", lambda *a, **k: pytest.fail(f"deleted {a[0]} during the run"))
    result, pages = bench.run.run_size(10, tmp_path, seed=1, repeat=3)
    assert built == [
        ("project", "site-0"),
        ("baseline", "baseline-site-0"),
        ("project", "site-1"),
        ("baseline", "baseline-site-1"),
        ("project", "site-2"),
        ("baseline", "baseline-site-2"),
    ]
    assert [p for kind in result["by_kind"].values() for p in kind["overhead_pairs"]] == [1.0, 1.0, 1.0]
    assert result["rebuild_differs"] == []
    assert pages == {"": len("<html></html>")}


def test_the_builds_meet_no_cache_then_an_edit_and_no_change_in_turn_and_the_rule_reads_the_edits(
    monkeypatch, tmp_path
):
    # an unchanged build takes every page from the page store: its ratio must not stand for the data layer's cost
    def fake_generate(dest, size):
        (dest / "data" / "notices").mkdir(parents=True)
        (dest / "data" / "notices" / f"{bench.run.EDITED_NOTICE}.yml").write_text("id: x\ntitle:\n  zh: 通知\n")
        return dest

    notice = tmp_path / "10" / "project" / "data" / "notices" / f"{bench.run.EDITED_NOTICE}.yml"
    last = {"text": None}

    def fake_build(project, out, log):
        page = out / "notices" / bench.run.EDITED_NOTICE / "index.html"
        page.parent.mkdir(parents=True)
        if project.parent.name == "baseline":
            page.write_text("base")
            return bench.run.Build(seconds=5.0, cpu_seconds=5.0, peak_rss_mb=1.0)
        text = notice.read_text()
        page.write_text(text)  # the page shows the notice as the data holds it
        cost = 20.0 if out.name == "site-0" else (3.0 if text == last["text"] else 10.0)
        last["text"] = text
        return bench.run.Build(seconds=cost, cpu_seconds=cost, peak_rss_mb=1.0)

    monkeypatch.setattr(bench.run, "generate", fake_generate)
    monkeypatch.setattr(bench.run, "prerender", lambda project, dest, log: dest.mkdir())
    monkeypatch.setattr(bench.run, "mkdocs_build", fake_build)
    monkeypatch.setattr(bench.run, "measure_site", lambda site: {})
    result, _ = bench.run.run_size(10, tmp_path, seed=1, repeat=5)
    assert result["build_kinds"] == ["cold", "edit", "unchanged", "edit", "unchanged"]
    assert result["edited"] == [False, True, True, False, False]  # edited, then put back
    assert result["edit_shown"] == result["edited"]
    assert result["rebuild_differs"] == []  # compared among the builds of the same data only
    assert notice.read_text() == "id: x\ntitle:\n  zh: 通知\n"
    assert result["rule_kind"] == "edit"
    assert result["overhead"] == 2.0 and result["overhead_cpu"] == 2.0
    assert result["by_kind"]["unchanged"]["overhead"] == 0.6
    assert result["by_kind"]["cold"]["overhead"] == 4.0
