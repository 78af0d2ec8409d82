"""The benchmark's own machinery (the figures themselves come from `make bench`)."""

from __future__ import annotations

import json

import yaml

from conftest import ROOT, run_cli
from nqpf.bench import results, scale, sites


def test_results_merge_keeps_other_writers_keys(tmp_path):
    out = tmp_path / "bench" / "results.json"
    out.parent.mkdir()
    out.write_text(json.dumps({"extract": {"seconds": 1.5}, "build": {"ratio": 9}}), "utf-8")
    merged = results.merge(out, {"build": {"ratio": 1.2}})
    on_disk = json.loads(out.read_text("utf-8"))
    assert on_disk == merged
    assert on_disk["extract"] == {"seconds": 1.5}
    assert on_disk["build"] == {"ratio": 1.2}


def test_plain_material_has_the_asked_number_of_pages(tmp_path):
    project = sites.plain_material(tmp_path, 4, "http://127.0.0.1:1/")
    assert sorted(p.name for p in (project / "docs").iterdir()) == ["index.md", "page-0001.md", "page-0002.md", "page-0003.md"]
    assert "font: false" in (project / "mkdocs.yml").read_text("utf-8")


def test_synthetic_corpus_is_valid_data(tmp_path):
    project = scale.synthetic_project(tmp_path / "p", 12)
    assert len(list((project / "seeds").glob("*.txt"))) == 12
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    articles = [s for s in yaml.safe_load((project / "data" / "sources.yaml").read_text("utf-8")) if s.get("kind") == "article"]
    assert len(articles) == 12, "one source per synthetic article"


def test_bench_rejects_an_unknown_part(tmp_path):
    result = run_cli("bench", "speed", "--out", str(tmp_path / "r.json"))
    assert result.returncode == 1
    assert result.stderr == "bench: unknown part 'speed'; the parts are extract, build, scale, lighthouse, weight, search\n"


def test_extract_bench_articles_are_recombined_seed_paragraphs_and_deterministic(tmp_path):
    from nqpf.bench import extract
    from nqpf.corpus import read_corpus

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = [p.read_text("utf-8") for p in extract.generate(5, tmp_path / "a")]
    second = [p.read_text("utf-8") for p in extract.generate(5, tmp_path / "b")]
    assert first == second
    corpus = read_corpus(sorted((ROOT / "seeds").glob("*.txt")), ROOT)
    paragraphs = {p.text for article in corpus.articles.values() for p in article.paragraphs}
    for text in first:
        header, *blocks = text.rstrip("\n").split("\n\n")
        assert header.startswith(" date 202")
        assert 7 <= len(blocks) <= 15  # a headline and 6 to 14 paragraphs
        assert set(blocks) <= paragraphs
