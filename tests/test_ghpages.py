"""The GitHub-Pages-like server the gates and benchmarks use."""

from __future__ import annotations

import gzip
import http.client

import pytest

from nqpf.ghpages import PagesServer


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", "utf-8")
    (site / "guide" / "index.html").write_text("<p>guide</p>", "utf-8")
    (site / "app.js").write_text("let x = 1;\n" * 50, "utf-8")
    (site / "404.html").write_text("<p>not here</p>", "utf-8")
    (tmp_path / "secret.txt").write_text("secret", "utf-8")
    with PagesServer(site, "/nqpf/") as running:
        yield running


def get(server, path, **headers):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


@pytest.mark.parametrize(("path", "status", "body"), [
    ("/nqpf/", 200, b"<p>home</p>"),
    ("/nqpf/guide/", 200, b"<p>guide</p>"),
    ("/nqpf/guide/index.html", 200, b"<p>guide</p>"),
    ("/nqpf/missing/", 404, b"<p>not here</p>"),
    ("/guide/", 404, b"<p>not here</p>"),
    ("/nqpf/%2e%2e/secret.txt", 404, b"<p>not here</p>"),
    ("/nqpf/guide/?q=1#x", 200, b"<p>guide</p>"),
])
def test_answers_like_pages(server, path, status, body):
    response, content = get(server, path)
    assert (response.status, content) == (status, body)
    assert response.getheader("Cache-Control") == "max-age=600"


@pytest.mark.parametrize(("path", "location"), [("/nqpf/guide", "/nqpf/guide/"), ("/nqpf", "/nqpf/")])
def test_redirects_a_folder_to_its_slash(server, path, location):
    response, _ = get(server, path)
    assert (response.status, response.getheader("Location")) == (301, location)


def test_gzips_text_for_clients_that_accept_it(server):
    response, content = get(server, "/nqpf/app.js", **{"Accept-Encoding": "gzip, br"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type") == "application/javascript; charset=utf-8"
    assert gzip.decompress(content) == b"let x = 1;\n" * 50
    plain, content = get(server, "/nqpf/app.js")
    assert plain.getheader("Content-Encoding") is None and content == b"let x = 1;\n" * 50


def test_answers_a_known_etag_with_not_modified(server):
    first, _ = get(server, "/nqpf/")
    again, content = get(server, "/nqpf/", **{"If-None-Match": first.getheader("ETag")})
    assert (again.status, content) == (304, b"")


def test_prefix_must_be_a_folder(tmp_path):
    with pytest.raises(ValueError, match="prefix must start and end with '/'"):
        PagesServer(tmp_path, "/nqpf")
