"""Who publishes the site, under which terms, and where to report an error.

- ``REPO_URL`` (the repository the site is published from, e.g.
  ``https://github.com/owner/osteoimmunology``) sets ``repo_url``; every page
  then gets Material's "edit this page" and "view source" actions on its own
  language's file (``docs/x.md`` or ``docs/x.en.md``) and a "report an error"
  link to the issue tracker. ``EDIT_URI`` names the branch's folder
  (default ``edit/main/`` and the configured docs_dir: ``edit/main/docs/``).
  Generated pages (the parallel views) have no file of their own and get no edit action.
- The footer and the PDF cover say whose text the review is and how to ask
  for a correction or a takedown (config.extra.publisher; the words from labels.yml).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from sitehook import site_model

DEFAULT_BRANCH_EDIT_URI = "edit/main/"  # followed by the docs_dir (the site model's)


def issues_url(repo_url: str | None) -> str | None:
    """Where a reader opens a new issue, for the forges whose layout is known; else the repository."""
    if not repo_url:
        return None
    repo = repo_url.rstrip("/")
    host = urlsplit(repo).hostname or ""
    if host == "github.com" or host.endswith(".github.com"):
        return repo + "/issues/new"
    if "gitlab" in host:
        return repo + "/-/issues/new"
    if "codeberg" in host or "gitea" in host:
        return repo + "/issues/new"
    return repo


def on_config(config):
    if config.repo_url:
        # MkDocs guesses "edit/master/docs/" for GitHub; the branch is a setting here
        config.edit_uri = os.environ.get("EDIT_URI") or f"{DEFAULT_BRANCH_EDIT_URI}{site_model(config).docs_dir}/"
    config.extra["publisher"] = {
        "report_url": issues_url(config.repo_url),
    }
    return config


def on_page_context(context, page, config, nav):
    if page.file.generated_by:
        page.edit_url = None  # a generated page has no source file to edit
    return context
