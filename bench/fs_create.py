# The file system's share (not a test): CPU and wall seconds to create files in a new folder, on a quiet file system
# and in the seconds after a large tree was deleted, the cost that made runs 1-15 of bench/run.py unfair to the full
# build (it deleted both old sites just before it). Usage: python bench/fs_create.py [--files 7000] [--deleted 40000].
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path


def create(folder: Path, files: int, size: int) -> tuple[float, float]:
    """CPU seconds (user + system of this process) and wall seconds to create `files` files of `size` bytes."""
    folder.mkdir(parents=True)
    payload = os.urandom(size)
    cpu, wall = time.process_time(), time.perf_counter()
    for i in range(files):
        (folder / f"{i // 500}").mkdir(exist_ok=True)
        with open(folder / f"{i // 500}" / f"f{i}.bin", "wb") as handle:
            handle.write(payload)
    return round(time.process_time() - cpu, 2), round(time.perf_counter() - wall, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CPU of creating files, quiet and after a large delete")
    parser.add_argument("--files", type=int, default=7000, help="files each round creates (a site's produced files)")
    parser.add_argument("--size", type=int, default=5000, help="bytes per file")
    parser.add_argument("--deleted", type=int, default=40000, help="files of the tree deleted (two old sites)")
    parser.add_argument("--wait", type=float, default=15, help="seconds between the delete and the next round")
    parser.add_argument("--after", type=int, default=4, help="rounds after the delete")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="x1-fs-", dir=Path.cwd()))  # the file system the benchmark writes to
    try:
        create(work / "old-sites", args.deleted, args.size)
        os.sync()
        time.sleep(args.wait)
        print(f"{args.files} files, quiet file system: CPU, wall s {create(work / 'quiet', args.files, args.size)}")
        started = time.perf_counter()
        shutil.rmtree(work / "old-sites")
        print(f"deleted {args.deleted} files in {time.perf_counter() - started:.2f} s; waiting {args.wait} s")
        time.sleep(args.wait)
        for r in range(args.after):
            seconds = create(work / f"after-{r}", args.files, args.size)
            print(f"{args.files} files, round {r + 1} after the delete: CPU, wall s {seconds}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
