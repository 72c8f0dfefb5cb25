"""What the site's pages are made of beyond their own text: references as links, generated lists,
tables and cards (the roster's among them), the facts boxes and the error reference page. Built on
`sitekit.content`; the words of the interface are `sitekit.ui`."""
