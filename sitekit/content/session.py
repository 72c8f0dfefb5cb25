"""The model of the build in progress, shared by the MkDocs hooks (content, then PDF).

MkDocs loads each hook file as its own module, so they cannot share a global of their own; this
module is imported once. The content hook sets `site` in every on_pre_build, so each build, and
each `mkdocs serve` rebuild, starts from the files.
"""

from __future__ import annotations

from sitekit.content.model import Site

site: Site | None = None
