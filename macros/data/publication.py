# Where the site is published and the identifiers that must never follow that address, read once per build from
# mkdocs.yml: site_url (SITE_URL overrides it), repo_url, extra.identity (the .ics UID domain and the Atom tag:
# authority) and extra.calendar (the optional reminder); also robots.txt and the check the publishing workflow
# runs so that no placeholder address or identity goes live.
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urljoin, urlparse

from pydantic import Field, StringConstraints, ValidationError

from macros.data.models import Record

# A DNS name (RFC 1035 labels), and RFC 4151's taggingEntity: an authority (DNS name or e-mail address) and a date
# on which the minter held it, e.g. "portal.example.cn,2026" or "team@example.cn,2026-05".
_DNS = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]"
DomainName = Annotated[str, StringConstraints(pattern=rf"^{_DNS}$", max_length=253)]
TaggingEntity = Annotated[
    str,
    StringConstraints(
        max_length=300,
        pattern=rf"^(?:[a-z0-9._%+-]+@)?{_DNS},\d{{4}}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$",
    ),
]


class Identity(Record):
    """Chosen once before the first publication and never changed: subscribers' calendar apps and feed readers
    recognise an event or an entry they already have by these, whatever address the site is served from."""

    uid_domain: DomainName  # .ics UID: <notice>--<deadline>@<uid_domain>
    tag_authority: TaggingEntity  # Atom id: tag:<tag_authority>:<lang>/notices/<notice>


class CalendarOptions(Record):
    reminder_days: int = Field(default=0, ge=0, le=60)  # 0: the .ics events carry no reminder (VALARM)


@dataclass(frozen=True)
class Publication:
    """What the files the data produces need to know about the build's configuration."""

    url: str | None  # site_url, ending in "/" (None: relative links only)
    identity: Identity
    reminder_days: int = 0


class ConfigProblem(ValueError):
    """mkdocs.yml holds a bad identity or calendar setting: the message names the key."""


def publication(site_url: str | None, extra: dict) -> Publication:
    """From mkdocs' site_url and `extra` (as mkdocs.yml holds them); ConfigProblem names every bad key."""
    problems: list[str] = []
    identity = _section(extra, "identity", Identity, problems)
    calendar = _section(extra, "calendar", CalendarOptions, problems, optional=True)
    if problems:
        raise ConfigProblem("\n".join(problems))
    url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return Publication(url or None, identity, calendar.reminder_days)


def _section(extra: dict, key: str, model, problems: list[str], optional: bool = False):
    value = (extra or {}).get(key)
    if value is None and optional:
        return model()
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            field = ".".join(str(p) for p in ("extra", key, *err["loc"]))
            if err["type"] == "missing" or value is None:
                message = "required: see the comment beside it in mkdocs.yml"
            elif err["type"] == "string_pattern_mismatch":
                message = f"not a valid {str(err['loc'][-1]).replace('_', ' ')} (got {err['input']!r})"
            else:
                message = f"{err['msg']} (got {err['input']!r})"
            problems.append(f"mkdocs.yml {field}: {message}")
        return None


def from_mkdocs_config(config) -> Publication:
    return publication(config.site_url, dict(config.extra))


def read(config_file: Path | str) -> tuple[Publication, str | None]:
    """(publication, repo_url) from a mkdocs.yml, with mkdocs' own loader (so SITE_URL from the environment counts),
    without loading the plugins: for the publishing check and for tests."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as handle:
        config = yaml_load(handle)
    return publication(config.get("site_url"), config.get("extra") or {}), config.get("repo_url")


# a page's URL as mkdocs makes it: folders of plain names, no "." or ".." segment, no query, nothing to resolve
_PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?")


def absolute(site_url: str | None, path: str) -> str | None:
    """The public URL of a site-relative path ("" or "./" is the home page); None without a site_url."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    if _PLAIN_PATH.fullmatch(path) and ".." not in path and "?" not in base and "#" not in base:
        return base + path  # what urljoin gives for such a path (tested), without parsing both for every page
    return urljoin(base, path)


def data_edit_base(repo_url: str, edit_uri: str | None) -> str:
    """Where a data file is edited: edit_uri ("edit/<branch>/docs/", relative to repo_url) without its docs folder,
    since data/ stands beside docs/ (so repo_url and edit_uri are the only places naming the repository)."""
    parts = (edit_uri or "edit/main/docs/").strip("/").split("/")
    return repo_url.rstrip("/") + "/" + "/".join(parts[:2] if len(parts) >= 2 else ["edit", "main"]) + "/"


def robots_txt(site_url: str | None) -> str:
    """Every page may be crawled; the sitemap by its absolute URL (the protocol requires one)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {absolute(site_url, 'sitemap.xml')}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the publishing check

# Names reserved for documentation and tests (RFC 2606, RFC 6761): never a real public address or identity.
_RESERVED = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$")
PLACEHOLDER_REPO_OWNER = "example"  # the repository template's github.com/example/…


def _reserved(host: str | None) -> bool:
    return host is not None and bool(_RESERVED.search(host.lower().rstrip(".")))


def placeholder_problems(pub: Publication, repo_url: str | None, expected_url: str | None = None) -> list[str]:
    """Why this configuration must not be published (empty: ready). `expected_url`: where the host will serve it."""
    problems = []
    host = urlparse(pub.url).hostname if pub.url else None
    if not host:
        problems.append("site_url is not set: set it in mkdocs.yml to the public address, e.g. https://1x.edu.cn/")
    elif _reserved(host):
        problems.append(
            f"site_url {pub.url} is a placeholder: set site_url in mkdocs.yml to the public address "
            "(canonical links, hreflang, the sitemap, robots.txt, feeds and webcal links use it)"
        )
    elif not (pub.url or "").startswith("https://"):
        problems.append(f"site_url {pub.url} is not https://: calendar apps and browsers expect https")
    if expected_url and pub.url and pub.url.rstrip("/") != expected_url.rstrip("/"):
        problems.append(
            f"site_url {pub.url} is not where the site will be served ({expected_url}): "
            "make them the same (mkdocs.yml site_url, or the host's custom domain)"
        )
    repo = urlparse(repo_url or "")
    owner = repo.path.strip("/").split("/")[0] if repo.path.strip("/") else ""
    if not repo.hostname or _reserved(repo.hostname) or owner == PLACEHOLDER_REPO_OWNER:
        problems.append(
            f"repo_url {repo_url} is a placeholder: set repo_url in mkdocs.yml to the repository "
            "(every page's edit and source links use it)"
        )
    if _reserved(pub.identity.uid_domain):
        problems.append(
            f"extra.identity.uid_domain {pub.identity.uid_domain} is a placeholder: set it once, before "
            "the first publication, to a domain the maintainers hold, and never change it (.ics UIDs)"
        )
    tag_host = pub.identity.tag_authority.split(",")[0].split("@")[-1]
    if _reserved(tag_host):
        problems.append(
            f"extra.identity.tag_authority {pub.identity.tag_authority} is a placeholder: set it once, "
            "before the first publication, to '<domain or e-mail you hold>,<year>', and never change "
            "it (Atom ids)"
        )
    return problems


def check_command(config_file: Path, expected_url: str | None) -> int:
    """`python -m macros publish-check`: 0 when the configuration may be published, else 1 with every reason."""
    import sys

    try:
        pub, repo_url = read(config_file)
    except ConfigProblem as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = placeholder_problems(pub, repo_url, expected_url or None)
    if problems:
        override = f" with SITE_URL={os.environ['SITE_URL']} from the environment" if os.environ.get("SITE_URL") else ""
        print(f"Not publishing {config_file}{override}:", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(f"ready to publish at {pub.url} (UIDs @{pub.identity.uid_domain}, Atom ids tag:{pub.identity.tag_authority})")
    return 0
