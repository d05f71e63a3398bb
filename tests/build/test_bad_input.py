"""Broken data stops the build with a clear message and leaves the last good site alone;
hostile text in data never reaches a page as markup."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import build_site, run_macros


def snapshot(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_broken_yaml_keeps_the_previous_site(project):
    site = build_site(project, project / "site", offline_copy=False)
    before = snapshot(site)
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("questions:", "questions:\n  - id: [broken", 1))
    result = run_macros(project, "build", "--site-dir", str(site), "--no-offline-copy")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("data/faq.yml:") and ": YAML syntax: " in first
    assert snapshot(site) == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_a_failing_mkdocs_build_keeps_the_previous_site(project):
    site = build_site(project, project / "site", offline_copy=False)
    before = snapshot(site)
    page = project / "content" / "faq.md"
    page.write_text(page.read_text() + "\nSee [a missing page](missing.md).\n")
    result = run_macros(project, "build", "--site-dir", str(site), "--no-offline-copy")
    assert result.returncode != 0
    assert "missing.md" in result.stderr + result.stdout
    assert "was left as it was" in result.stderr
    assert snapshot(site) == before


def test_stale_schemas_stop_the_build(project):
    schema = project / "data" / "schema" / "faq.schema.json"
    schema.write_text(schema.read_text().replace('"questions"', '"question_list"'))
    result = run_macros(project, "build", "--site-dir", str(project / "site"))
    assert result.returncode == 1
    assert "data/schema/ is out of date (faq.schema.json)" in result.stderr


def test_hostile_text_in_data_is_escaped_or_removed(project, tmp_path):
    comparison = project / "data" / "comparison.yml"
    text = comparison.read_text()
    first_cell = text.split("    marketing: ", 1)[1].split("\n", 1)[0]
    comparison.write_text(text.replace(first_cell, '"<script>alert(1)</script> plain"', 1))
    faq = project / "data" / "faq.yml"
    text = faq.read_text()
    marker = "    answer: >-\n"
    assert marker in text
    faq.write_text(text.replace(marker, marker + '      <img src=x onerror="alert(2)"> <script>alert(3)</script>\n', 1))

    quiz = project / "data" / "quizzes" / "differences.yml"
    text = quiz.read_text()
    marker = "    explanation: >-\n"
    assert marker in text
    quiz.write_text(text.replace(marker, marker + '      <script>alert(4)</script> <b onclick="alert(5)">x</b>\n', 1))

    site = build_site(project, tmp_path / "site", offline_copy=False)
    differences = BeautifulSoup((site / "differences" / "index.html").read_text(), "lxml")
    faq_page = BeautifulSoup((site / "faq" / "index.html").read_text(), "lxml")
    assert "<script>alert(1)</script> plain" in differences.find("table", class_="mvs-compare").get_text()
    for soup in (differences, faq_page):
        article = soup.find("article")
        # Only our own widget scripts, by src; nothing inline.
        scripts = article.find_all("script")
        assert all(s.get("src", "").endswith("/assets/quiz-loader.js") and not s.string for s in scripts)
        assert article.find("img") is None
        assert [el.name for el in article.find_all(True) if any(a.startswith("on") for a in el.attrs)] == []
