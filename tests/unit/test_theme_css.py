"""Cutting the theme's stylesheets down to what the site uses."""

from __future__ import annotations

from shutil import copy

import pytest

from macros.build.theme_css import drop_unread_properties, parse, serialize, site_usage, trim, trim_theme_css
from macros.exports.scorm import THEME_CSS as THEME


def usage_of(tmp_path, html: str, script: str = ""):
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "app.js").write_text(script, encoding="utf-8")
    return site_usage(tmp_path)


def cut(css: str, usage) -> str:
    return serialize(trim(parse(css), usage))


@pytest.mark.parametrize("name", ["main", "palette"])
def test_the_theme_stylesheets_read_back_to_the_same_text(name):
    """The parser keeps every byte of the theme's own files when nothing is cut."""
    css = next(THEME.glob(f"{name}.*.min.css")).read_text(encoding="utf-8")
    assert serialize(parse(css)) == css


def test_a_rule_stays_only_while_something_uses_every_class_it_needs(tmp_path):
    usage = usage_of(tmp_path, '<div class="md-used other"></div>')
    css = ".md-used{color:red}.md-unused{color:blue}.md-used .md-unused{margin:0}.md-used>.other{padding:0}"
    assert cut(css, usage) == ".md-used{color:red}.md-used>.other{padding:0}"


def test_a_selector_list_loses_only_the_selectors_nothing_matches(tmp_path):
    usage = usage_of(tmp_path, '<p class="md-used"></p>')
    assert cut(".md-gone,.md-used,.md-gone p{color:red}", usage) == ".md-used{color:red}"


def test_classes_or_colours_inside_not_or_is_never_remove_a_rule(tmp_path):
    """`:not(.x)` matches more when nothing has .x, and `:is(.x,.y)` may match through .y."""
    usage = usage_of(tmp_path, '<p class="md-used"></p>')
    css = (".md-used:not(.md-gone){color:red}:is(.md-gone,.md-used) a{color:blue}"
           ".md-used:not([data-md-color-primary=pink]){margin:0}")
    assert cut(css, usage) == css


def test_names_a_script_writes_or_completes_keep_their_rules(tmp_path):
    script = 'el.classList.add("md-search-result__meta"); el.className = `md-tag--${kind}`;'
    usage = usage_of(tmp_path, "<p></p>", script)
    css = ".md-search-result__meta{color:red}.md-tag--new{color:blue}.md-never{color:green}"
    assert cut(css, usage) == ".md-search-result__meta{color:red}.md-tag--new{color:blue}"


def test_a_class_an_inline_script_sets_keeps_its_rules(tmp_path):
    usage = usage_of(tmp_path, "<head><script>document.documentElement.classList.add('md-js-on')</script></head>")
    assert cut(".md-js-on .md-x{color:red}.md-js-on{color:blue}", usage) == ".md-js-on{color:blue}"


def test_a_quiz_in_a_noscript_keeps_its_rules(tmp_path):
    usage = usage_of(tmp_path, '<noscript data-quiz-body><fieldset class="mvs-q"></fieldset></noscript>')
    assert cut(".mvs-q{border:0}", usage) == ".mvs-q{border:0}"


def test_palette_rules_stay_for_the_colours_the_pages_choose(tmp_path):
    usage = usage_of(tmp_path, '<body data-md-color-scheme="slate" data-md-color-primary="indigo">')
    css = ('[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}'
           '[data-md-color-primary=pink]{--md-primary-fg-color:#e92063}'
           '[data-md-color-scheme=slate]{color-scheme:dark}[data-md-color-scheme=default]{color-scheme:light}')
    assert cut(css, usage) == ('[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}'
                               '[data-md-color-scheme=slate]{color-scheme:dark}')


def test_media_blocks_are_cut_inside_and_dropped_when_empty(tmp_path):
    usage = usage_of(tmp_path, '<p class="md-used"></p>')
    css = ("@media screen and (min-width:76.25em){.md-used{color:red}.md-gone{color:blue}}"
           "@media print{.md-gone{display:none}}@keyframes spin{0%{opacity:0}to{opacity:1}}")
    assert cut(css, usage) == ("@media screen and (min-width:76.25em){.md-used{color:red}}"
                               "@keyframes spin{0%{opacity:0}to{opacity:1}}")


def test_braces_and_semicolons_in_strings_do_not_confuse_the_parser(tmp_path):
    usage = usage_of(tmp_path, '<p class="md-used"></p>')
    css = '.md-used:after{content:"{;}"}.md-gone{background:url("data:image/svg+xml;charset=utf-8,<svg>}</svg>")}'
    assert cut(css, usage) == '.md-used:after{content:"{;}"}'


def test_custom_properties_go_when_nothing_reads_them_even_through_another():
    sheets = [parse(":root{--a:1px;--b:var(--c);--c:2px;--d:var(--a);--e:3px}.x{margin:var(--d)}")]
    [kept] = drop_unread_properties(sheets, readers="width: var(--e)")
    # --b is read by nothing, so --c, read only by --b, goes with it.
    assert serialize(kept) == ":root{--a:1px;--d:var(--a);--e:3px}.x{margin:var(--d)}"


def test_the_site_links_the_cut_stylesheets_under_new_names(tmp_path):
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    original = next(THEME.glob("main.*.min.css"))
    copy(original, folder / original.name)
    (folder / f"{original.name}.map").write_text("{}", encoding="utf-8")
    page = tmp_path / "about" / "index.html"
    page.parent.mkdir()
    link = f'<link rel="stylesheet" href="../assets/stylesheets/{original.name}">'
    page.write_text(link + '<div class="md-typeset"></div>', encoding="utf-8")
    renamed = trim_theme_css(tmp_path)
    new = folder / renamed[original.name]
    assert new.name != original.name and new.name.startswith("main.") and new.name.endswith(".min.css")
    assert sorted(p.name for p in folder.iterdir()) == [new.name]
    assert f"assets/stylesheets/{new.name}" in page.read_text(encoding="utf-8")
    assert ".md-typeset" in new.read_text(encoding="utf-8")
    assert len(new.read_bytes()) < len(original.read_bytes()) / 2


def test_cutting_a_site_again_keeps_its_cut_stylesheet(tmp_path):
    """A rebuild into the same folder may run the cut over files it has cut already."""
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    original = next(THEME.glob("main.*.min.css"))
    copy(original, folder / original.name)
    page = tmp_path / "index.html"
    page.write_text(f'<link rel="stylesheet" href="assets/stylesheets/{original.name}"><p class="md-typeset">',
                    encoding="utf-8")
    new = trim_theme_css(tmp_path)[original.name]
    first = (folder / new).read_text(encoding="utf-8")
    assert trim_theme_css(tmp_path) == {}
    assert sorted(p.name for p in folder.iterdir()) == [new]
    assert (folder / new).read_text(encoding="utf-8") == first
    assert f"assets/stylesheets/{new}" in page.read_text(encoding="utf-8")



def test_rules_for_a_text_direction_no_page_is_written_in_are_cut(tmp_path):
    usage = usage_of(tmp_path, '<body dir="ltr"><p class="md-x"></p></body>')
    css = "[dir=ltr] .md-x{margin-left:1em}[dir=rtl] .md-x{margin-right:1em}[dir=ltr] .md-x,[dir=rtl] .md-y{top:0}"
    assert cut(css, usage) == "[dir=ltr] .md-x{margin-left:1em}[dir=ltr] .md-x{top:0}"
