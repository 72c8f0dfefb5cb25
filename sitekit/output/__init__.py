"""What is generated from the content besides pages: the PDFs, the search indexes and worker, the offline
copy, and the check of the built site's links."""
