"""``python -m nqpf bench``: measure the site against a plain Material site built in the same run.

Each part is a module with ``run(ctx) -> dict`` whose result is stored under its
own key in ``bench/results.json`` (merged, so other writers' keys survive):

- ``extract``: candidate extraction over 1,000 and 2,000 articles recombined
  from the seeds, in one and two processes (time, growth, peak memory);
- ``build``: our strict build (which validates first) against plain Material building the same
  Markdown, and where each one's time goes;
- ``scale``: synthetic corpora through ingest, validate and build;
- ``lighthouse``: Lighthouse (mobile) on the key pages, ours and plain Material's, the median of
  three runs each, both served with gzip and cache headers as GitHub Pages serves them, with the
  targets (performance >= 95, Total Blocking Time <= 200 ms);
- ``weight``: compressed bytes each page type transfers on first load (home: <= 100 KiB);
- ``search``: the search index, raw and gzipped;
- ``layout``: the median height of an entry at 1280 and 360 px, against the issue's targets.
"""
