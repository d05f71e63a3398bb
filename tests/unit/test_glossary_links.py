"""Glossary terms: the first use on a page links to the definition, once."""

from bs4 import BeautifulSoup

from macros.build.glossary_links import link_terms
from macros.data.models import Term

CITED = ["this-site/synthesis"]
TERMS = [
    Term(id="lead", term="Lead", also=["leads"], definition="A person who has shown interest.", sources=CITED),
    Term(id="buyers-journey", term="Buyer's journey", also=[], definition="The path to a purchase.", sources=CITED),
    Term(id="qualified-lead", term="Qualified lead", also=["qualified leads"],
         definition='A lead judged "ready" for sales.', sources=CITED),
]


def linked(html: str) -> list[tuple[str, str, str]]:
    soup = BeautifulSoup(link_terms(html, TERMS, lambda t: f"/glossary/#{t.id}"), "html.parser")
    return [(a.text, a["href"], a["title"]) for a in soup.select("a.mvs-term")]


def test_first_use_of_each_term_is_linked_once():
    html = "<p>Leads become a qualified lead. More leads, another lead.</p>"
    assert linked(html) == [
        ("Leads", "/glossary/#lead", "A person who has shown interest."),
        ("qualified lead", "/glossary/#qualified-lead", 'A lead judged "ready" for sales.'),
    ]


def test_terms_in_headings_links_code_and_scripts_are_left_alone():
    html = ('<h2 id="lead">Lead</h2><a href="#">a lead</a><code>lead</code>'
            '<script>var lead = 1;</script><p title="lead">the lead arrives</p>')
    out = link_terms(html, TERMS, lambda t: "#g")
    untouched = '<h2 id="lead">Lead</h2><a href="#">a lead</a><code>lead</code><script>var lead = 1;</script>'
    assert out.startswith(untouched)
    assert linked(html) == [("lead", "/glossary/#lead", "A person who has shown interest.")]


def test_words_that_merely_contain_a_term_are_not_linked():
    assert linked("<p>Leadership and misleading lead-time.</p>") == []


def test_markup_outside_text_is_unchanged():
    html = '<div class="x" data-note="a &gt; b"><p>No terms here.</p><br/></div>'
    assert link_terms(html, TERMS, lambda t: "#g") == html


def test_terms_with_an_apostrophe_match_escaped_or_plain():
    assert linked("<p>The buyer&#39;s journey starts early.</p>") == [
        ("buyer's journey", "/glossary/#buyers-journey", "The path to a purchase.")]
    assert [t[1] for t in linked("<p>A buyer's journey.</p>")] == ["/glossary/#buyers-journey"]


def test_quiz_controls_are_left_alone():
    """A link inside a question's legend, label or select would get in the way of answering."""
    html = ('<fieldset><legend>Is a lead ready?</legend><label><input type="radio"> A qualified lead</label>'
            '<select><option>Lead</option></select><p>Feedback: a lead is ready.</p></fieldset>')
    assert linked(html) == [("lead", "/glossary/#lead", "A person who has shown interest.")]


def test_a_quiz_answer_keeps_its_terms_as_text_and_the_page_links_them_after_it():
    html = ('<fieldset class="mvs-q"><legend>Pick one</legend><details class="mvs-q__answer"><summary>Answer</summary>'
            '<span class="mvs-q__because">Every lead starts somewhere.</span></details></fieldset>'
            '<p>A lead that marketing passes on.</p>')
    assert linked(html) == [("lead", "/glossary/#lead", "A person who has shown interest.")]
    assert "Every lead starts" in link_terms(html, TERMS, lambda t: "#g")
