"""The benchmark's own machinery (the figures themselves come from `make bench`)."""

from __future__ import annotations

import json
import re
import sys

import yaml

from conftest import FIXTURE_DATA, ROOT, run_cli
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
    assert result.stderr == "bench: unknown part 'speed'; the parts are extract, build, scale, lighthouse, weight, search, layout\n"


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


def test_plain_material_builds_the_very_markdown_our_plugin_gives_mkdocs(tmp_path, monkeypatch):
    # The fixture data has every page and kind; the bench itself writes out the real data's pages.
    monkeypatch.setenv("NQPF_DATA", str(FIXTURE_DATA))
    project = sites.plain_material_same_markdown(tmp_path / "plain", "https://example.org/nqpf/")
    pages = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md"))
    nav = re.findall(r"^  - [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)
    assert pages == sorted(nav)
    assert 'class="nqpf-entry nqpf-term-entry"' in (project / "docs" / "glossary.md").read_text("utf-8")
    assert "<!-- nqpf:" not in (project / "docs" / "index.md").read_text("utf-8"), "markers come filled"
    config = (project / "mkdocs.yml").read_text("utf-8")
    assert "- nqpf" not in config and "custom_dir" not in config and "extra_css" not in config
    assert "md_in_html" in config and "  - search\n" in config


def test_the_build_is_timed_phase_by_phase(tmp_path, monkeypatch):
    monkeypatch.setenv("NQPF_DATA", str(FIXTURE_DATA))
    done = sites.timed([sys.executable, "-m", "nqpf.bench.phases", "time", str(ROOT), str(tmp_path / "site")], ROOT,
                       "https://example.org/nqpf/")
    assert done.returncode == 0, done.stderr
    phases = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"nqpf.on_config", "nqpf.on_files", "nqpf.on_page_content", "search.on_page_context"} <= set(phases["events_s"])
    parts = phases["python_and_imports_s"] + phases["config_s"] + sum(phases["events_s"].values()) + phases["mkdocs_and_theme_s"]
    assert abs(parts - phases["total_s"]) < 0.05
    assert (tmp_path / "site" / "index.html").is_file()
