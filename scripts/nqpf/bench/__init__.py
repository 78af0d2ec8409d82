"""``python -m nqpf bench``: measure the site against a plain Material site built in the same run.

Each part is a module with ``run(ctx) -> dict`` whose result is stored under its
own key in ``bench/results.json`` (merged, so other writers' keys survive):

- ``extract``: candidate extraction over 1,000 and 2,000 articles recombined
  from the seeds, in one and two processes (time, growth, peak memory);
- ``build``: ``make site`` (the strict build, which validates first) against a plain Material
  site with the same number of pages;
- ``scale``: synthetic corpora through ingest, validate and build;
- ``lighthouse``: Lighthouse (mobile) on the key pages, ours and plain Material's,
  both served with gzip and cache headers as GitHub Pages serves them;
- ``weight``: compressed bytes each page type transfers on first load;
- ``search``: the search index, raw and gzipped.
"""
