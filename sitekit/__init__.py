"""Domain logic of the programme's knowledge site.

Plain Python that knows nothing of MkDocs, in layers, each importing only those before it:
`languages`, `ui` and `markdown` (words and helpers every layer shares); `content` (the content model
and its checks); `courses` (what a class is given: agenda, tests, forms, workbook, report); `pages`
(what pages are made of); `output` (PDFs, search, the offline copy); `editing` (editors' tools). The MkDocs hooks in `hooks/`
and the commands in `scripts/` call it, so the logic outlives the site generator.
"""
