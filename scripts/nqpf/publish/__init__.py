"""Linking and reuse: citations, downloads, feeds, structured data and the
data dictionary, added to the site by the MkDocs plugin in :mod:`nqpf.plugin`.

Every function here is pure: it takes the curated data and a
:class:`~nqpf.publish.citations.Publication` (where the site lives, who made it,
the date of the data) and returns text or plain data. Nothing reads the clock,
so two builds of the same commit are byte-identical.
"""
