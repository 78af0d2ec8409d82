"""The gates' harness: build the site once, serve it under a sub-path, drive Chromium.

The site is built with ``SITE_URL`` pointing at a loopback server that mounts
it under ``/nqpf/``, as GitHub Pages mounts a project site under
``/<repo>/``, so every link, canonical URL and asset is tested where it will
really live. The build happens at most once per test session, the first time
something asks for it (collection asks, to parametrise the gates by page).

Tools the gates need are found, never assumed: Chromium from ``$CHROMIUM``,
then ``/usr/bin/chromium``, then Playwright's own; axe-core and the Nu checker
from ``node_modules`` (``make test`` runs ``npm ci``); Java from ``PATH``. A
missing tool skips its tests with the reason, unless ``NQPF_REQUIRE_BROWSER=1``
(CI sets it), where it fails them.

The harness is split by what each part serves: :mod:`.tools` (finding the tools), :mod:`.build`
(the site, built and served once), :mod:`.browser` (loading pages in Chromium), :mod:`.axe`,
:mod:`.nu` (the two checkers), :mod:`.crawl` (the link crawler) and :mod:`.png` (screenshots).
"""

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does
from nqpf.ghpages import PagesServer  # noqa: F401

from .axe import *  # noqa: F401,F403
from .browser import *  # noqa: F401,F403
from .build import *  # noqa: F401,F403
from .crawl import *  # noqa: F401,F403
from .nu import *  # noqa: F401,F403
from .png import *  # noqa: F401,F403
from .tools import *  # noqa: F401,F403
