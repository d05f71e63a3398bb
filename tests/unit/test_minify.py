"""Our scripts and stylesheets are minified in the built site; vendor and theme files are left alone."""

from macros.build.minify import minify_assets


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
