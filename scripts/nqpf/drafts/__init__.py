"""From a new article to curated data: drafts, made by ``draft`` and moved in by ``accept``.

A draft (``data/drafts/<source id>.yaml``) holds what the extractor finds in one
article, shaped as curated entries: ``add`` (new entries, by data file) and
``extend`` (new evidence or statements for entries that exist). Where only a
curator can write (a summary in our own words, a title), the value starts with
``TODO:`` and a hint. ``validate`` checks a draft with the same rules as the
curated data, as if it were accepted, and reports each ``TODO:`` as a warning;
``accept`` moves the reviewed entries into the curated files, adding lines and
never changing one.
"""

TODO = "TODO:"


def is_todo(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TODO)
