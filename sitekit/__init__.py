"""Domain logic of the programme's knowledge site.

Plain Python that knows nothing of MkDocs: the content model (objects, kinds, references), the
agreement data, validation and the Markdown the pages are expanded with. The MkDocs hooks in
`hooks/` and the commands in `scripts/` both call it, so the logic outlives the site generator.
"""
