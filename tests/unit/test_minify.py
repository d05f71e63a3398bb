"""Our scripts and stylesheets are minified in the built site; vendor and theme files are left alone."""

from macros.build.minify import minify_assets, minify_pages


def test_our_assets_shrink_and_others_stay(tmp_path):
    assets = tmp_path / "assets"
    (assets / "vendor").mkdir(parents=True)
    script = "/* A comment */\nfunction add(a, b) {\n  return a + b;  // sum\n}\n"
    (assets / "ours.js").write_text(script)
    (assets / "ours.css").write_text("/* note */\n.a {\n  color: red;\n}\n")
    (assets / "vendor" / "lib.js").write_text(script)
    (assets / "favicon.svg").write_text("<svg>\n</svg>\n")
    done = minify_assets(tmp_path)
    assert sorted(p.name for p in done) == ["ours.css", "ours.js"]
    assert (assets / "ours.js").read_text() == "function add(a,b){return a+b;}"
    assert (assets / "ours.css").read_text() == ".a{color:red}"
    assert (assets / "vendor" / "lib.js").read_text() == script
    assert (assets / "favicon.svg").read_text() == "<svg>\n</svg>\n"


def test_pages_lose_their_indentation_but_not_what_is_shown_as_written(tmp_path):
    page = ("<!doctype html>\n<html>\n  <body>\n\n    <p>\n      Two words\n    </p>\n"
            "    <pre><code>def f():\n    return 1\n</code></pre>\n"
            "    <script>\n  if (a)\n    b();\n</script>\n    <textarea>\n  kept\n</textarea>\n"
            "    <p>inline <code>a\n   b</code> and <em>x</em>\n    <strong>y</strong></p>\n  </body>\n</html>\n")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    for where in (tmp_path / "index.html", tmp_path / "deep" / "er" / "index.html"):
        where.write_text(page)
    assert len(minify_pages(tmp_path)) == 2
    assert (tmp_path / "deep" / "er" / "index.html").read_text() == (
        "<!doctype html>\n<html>\n<body>\n<p>\nTwo words\n</p>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n"
        "<script>\n  if (a)\n    b();\n</script>\n<textarea>\n  kept\n</textarea>\n"
        "<p>inline <code>a\n   b</code> and <em>x</em>\n<strong>y</strong></p>\n</body>\n</html>\n")
