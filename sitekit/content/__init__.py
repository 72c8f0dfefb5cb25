"""The content model and its checks: every page, term, policy, module and lesson, the agreement and the
trainers' roster, read from `docs/` and `data/` and checked all at once, each problem reported as
`path:line: CODE` in the editors' language. Nothing here knows how a page looks."""
