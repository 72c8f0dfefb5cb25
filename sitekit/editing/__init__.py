"""Editors' tooling: new pages from a template, the roster's import from a spreadsheet, and a `serve`
that redoes only what an edit changed."""
