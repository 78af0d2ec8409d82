"""The site's address, where SITE_URL does not give it.

Canonical links, the sitemap, the feeds and every citation name the site's address. It comes
from ``SITE_URL`` (mkdocs.yml: ``site_url: !ENV [SITE_URL, ""]``); unset, it comes from the git
remote, as GitHub Pages would serve the repository: ``git@github.com:owner/repo.git`` or
``https://github.com/owner/repo`` gives ``https://owner.github.io/repo/`` (a repository named
``owner.github.io`` is served at the root, ``https://owner.github.io/``). With no usable remote
there is no address, and the build leaves out what needs one (and says so).

A loopback address (``127.0.0.1``, ``localhost``, ``[::1]``) is only ever a preview's: a build
meant for publishing (``make site`` sets ``NQPF_PUBLISH=1``) refuses one.
"""

from __future__ import annotations

import ipaddress
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

_GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|ssh://git@github\.com/|git@github\.com:|git://github\.com/)"
    r"(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$"
)


def from_remote(remote: str) -> str | None:
    """The GitHub Pages address of a repository's remote URL, or None if it is not a GitHub remote."""
    m = _GITHUB.match(remote.strip())
    if not m or m["repo"] in (".", ".."):
        return None
    owner, repo = m["owner"].lower(), m["repo"]
    if repo.lower() == f"{owner}.github.io":
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{repo}/"


def remotes(root: Path) -> list[tuple[str, str]]:
    """``(name, url)`` of the repository's remotes, ``origin`` first; empty outside a repository."""
    try:
        done = subprocess.run(["git", "-C", str(root), "remote", "-v"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] not in found:
            found[parts[0]] = parts[1]
    return sorted(found.items(), key=lambda item: item[0] != "origin")


def derive(root: Path) -> tuple[str | None, str]:
    """The address the git remote gives, and where it came from (or why there is none)."""
    listed = remotes(root)
    for name, url in listed:
        address = from_remote(url)
        if address:
            return address, f"the git remote {name} ({url})"
    if not listed:
        return None, "there is no git remote"
    return None, "no git remote is on GitHub (" + ", ".join(f"{n}: {u}" for n, u in listed) + ")"


def is_loopback(url: str | None) -> bool:
    host = (urlsplit(url or "").hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
