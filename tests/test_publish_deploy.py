"""The GitHub Pages workflow and CITATION.cff: parsed and checked for what they must hold."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow():
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every scalar a string.
    return yaml.load(WORKFLOW.read_text("utf-8"), Loader=yaml.BaseLoader)


def steps_using(job, action):
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


def test_runs_on_push_to_main_and_by_hand(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]


def test_build_job_checks_out_history_and_sets_up_python_3_11(workflow):
    build = workflow["jobs"]["build"]
    (checkout,) = steps_using(build, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == "0", "the data date comes from git log"
    (python,) = steps_using(build, "actions/setup-python")
    assert python["with"]["python-version"] == "3.11"


def test_build_job_validates_tests_builds_strict_and_uploads_in_that_order(workflow):
    build = workflow["jobs"]["build"]
    runs = [s.get("run", "") for s in build["steps"]]
    order = [runs.index("make validate"), runs.index(".ci/run"), runs.index("make site")]
    assert order == sorted(order)
    makefile = (ROOT / "Makefile").read_text("utf-8")
    # `make site` counts coverage, then the strict build, whose first step validates the data (plugin.py on_config),
    # as a build meant for publishing (NQPF_PUBLISH=1: no loopback address).
    assert re.search(r"^site: \$\(STAMP\)\n\t\$\(PY\) -m nqpf coverage\n\tNQPF_PUBLISH=1 \$\(PY\) -m mkdocs build --strict",
                     makefile, re.MULTILINE)
    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert build["steps"].index(upload) > runs.index("make site")


def test_site_url_comes_from_the_repository(workflow):
    (build_step,) = [s for s in workflow["jobs"]["build"]["steps"] if s.get("run") == "make site"]
    site_url = build_step["env"]["SITE_URL"]
    assert "steps.pages.outputs.base_url" in site_url
    assert "format('https://{0}.github.io/{1}/', github.repository_owner, github.event.repository.name)" in site_url
    assert "!ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text("utf-8")


def test_deploy_job_has_pages_permissions_and_environment(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    (step,) = steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == "${{ steps." + step["id"] + ".outputs.page_url }}"
    assert workflow["permissions"] == {"contents": "read"}, "only the deploy job may write"


def test_every_action_is_pinned_to_a_major_version(workflow):
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


@pytest.fixture(scope="module")
def cff():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))


def test_citation_cff_has_the_required_keys(cff):
    # Required by the Citation File Format 1.2.0 schema.
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title"):
        assert isinstance(cff[key], str) and cff[key].strip()
    assert cff["authors"] and all(a.get("name") or a.get("family-names") for a in cff["authors"])


def test_citation_cff_describes_this_release(cff):
    assert cff["type"] == "dataset"
    assert cff["license"] == "CC-BY-4.0"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert cff["version"] == project["version"]
    assert dt.date.fromisoformat(cff["date-released"])
    assert len(cff["abstract"].split()) > 20
    assert set(cff) <= {"cff-version", "message", "title", "abstract", "type", "authors", "version", "date-released",
                        "license", "keywords", "url", "repository-code", "doi", "identifiers", "preferred-citation"}
