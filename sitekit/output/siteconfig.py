"""The few settings of mkdocs.yml that sitekit needs when it runs without MkDocs (the commands in
scripts/): the Markdown extensions, the public address of the site and the site's name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
import yaml_env_tag


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags: `!ENV` (environment variables) and `!!python/name:` (a Python object)."""


def _python_name(loader, suffix, node):
    import importlib

    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_Loader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


@dataclass
class SiteConfig:
    site_name: str = ""
    site_url: str | None = None
    docs_dir: str = "docs"
    extensions: list = field(default_factory=list)  # names and extension objects, as Python-Markdown takes them
    extension_configs: dict = field(default_factory=dict)


def load(root: Path) -> SiteConfig:
    data = yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    extensions, configs = [], {}
    for entry in data.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            extensions.append(name)
            configs[name] = options or {}
        else:
            extensions.append(entry)
    return SiteConfig(data.get("site_name", ""), data.get("site_url") or None,
                      data.get("docs_dir", "docs"), extensions, configs)
