# A real office suite for the tests that open the generated Word and Excel files: LibreOffice run headless with its
# own profile, and poppler's pdftotext to read what it prints.
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def soffice(args: list[str], profile: Path, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    """LibreOffice headless with `args` (e.g. --convert-to pdf …) in `cwd`, its user profile kept in `profile` so
    that runs never share or touch the user's own."""
    if SOFFICE is None:
        pytest.fail("LibreOffice (soffice) is not installed: run `make system-deps` (CI installs it)")
    return subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
