"""Each script is added to the pages that need it, without disturbing the page's HTML."""

from macros.build.page_scripts import page_scripts
from macros.paths import Links


def test_pages_without_widgets_get_no_script():
    assert page_scripts("<p>Just text &amp; a table.</p>", Links.for_page("faq.md", True)) == ""


def test_chart_pages_get_the_chart_script_once_with_a_relative_path_after_the_messages():
    html = '<p>A &amp; B</p><div class="mvs-chart__plot" data-figure="{}"></div>'
    page = html + page_scripts(html, Links.for_page("funnel.md", True))
    assert page.startswith(html)
    assert page.count("<script") == 2
    assert page.index('<script src="../assets/common.js"></script>') < page.index(
        '<script src="../assets/funnels.js"></script>')


def test_the_simulator_alone_also_needs_the_chart_script():
    html = '<div class="mvs-sim" data-simulator="{}"></div>'
    assert 'src="assets/funnels.js"' in page_scripts(html, Links.for_page("index.md", True))


def test_quiz_pages_and_the_progress_page_get_only_the_quiz_script():
    for html in ('<div class="mvs-quiz" data-quiz="x">', '<div class="mvs-progress" data-quiz-progress>'):
        tags = page_scripts(html, Links.for_page("quizzes/final.md", True))
        assert tags.count("<script") == 1
        assert 'src="../../assets/quiz-loader.js"' in tags


def test_a_page_with_a_chart_and_a_quiz_gets_both():
    html = '<div class="mvs-chart__plot" data-figure="{}"></div><div class="mvs-quiz" data-quiz="x">'
    tags = page_scripts(html, Links.for_page("funnel.md", True))
    assert tags.index("funnels.js") < tags.index("quiz-loader.js")


def test_the_simulator_gets_the_shared_code_the_charts_and_itself_in_that_order():
    html = '<div class="mvs-sim" data-simulator="{}"><div class="mvs-chart__plot" data-figure="{}"></div></div>'
    tags = page_scripts(html, Links.for_page("funnel.md", True))
    assert tags.count("<script") == 4
    assert tags.index("common.js") < tags.index("funnels.js") < tags.index("simulator.js")
    assert 'src="../assets/in-page-links.js"' in tags  # the simulator keeps its numbers in the address


def test_the_tools_get_the_shared_code_first_and_the_charts_only_with_a_chart():
    invest = page_scripts('<div class="mvs-invest" data-invest="{}">', Links.for_page("tools/invest.md", True))
    assert invest.count("<script") == 2
    assert invest.index("common.js") < invest.index("tools.js")
    checkup = page_scripts('<div data-checkup="{}"><div class="mvs-chart__plot" data-figure="{}"></div></div>',
                           Links.for_page("tools/checkup.md", True))
    assert checkup.index("common.js") < checkup.index("funnels.js") < checkup.index("tools.js")
    assert "simulator.js" not in checkup
    # The check-up keeps its numbers in the address; the other tool does not.
    assert "in-page-links.js" in checkup and "in-page-links.js" not in invest
