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
