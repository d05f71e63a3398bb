"""Render the teaching apparatus: objectives and key points on each Learn page, lesson plans and worksheets."""

from __future__ import annotations

from macros.data import funnel_math, models
from macros.data.loading import SiteData
from macros.data.quizzes import instructions, scrambled
from macros.paths import Links, key_page, lesson_pages, page_url
from macros.render.templating import clock, render_template


def _page_teaching(data: SiteData, links: Links) -> models.PageTeaching:
    for teaching in data.teaching.pages:
        if page_url(teaching.page, links.directory_urls) == links.current:
            return teaching
    raise ValueError(f"data/teaching.yml has no objectives or key points for the page at {links.current or '/'}")


def objectives(data: SiteData, links: Links) -> str:
    """The current page's learning objectives, as a box."""
    return render_template("page_teaching.html.jinja", data, links, kind="objectives",
                           teaching=_page_teaching(data, links))


def key_points(data: SiteData, links: Links) -> str:
    """The current page's key points, as a box."""
    return render_template("page_teaching.html.jinja", data, links, kind="key_points",
                           teaching=_page_teaching(data, links))


def _title(data: SiteData, target: str) -> str:
    page, _, anchor = target.partition("#")
    title = data.page_titles.get(page, page)
    return f"{title} ({anchor.replace('-', ' ')})" if anchor else title


def _quizzes_used(data: SiteData, lesson: models.Lesson) -> list[models.QuizFile]:
    used = {q.quiz for q in lesson.worksheet.questions if isinstance(q, models.QuizRef)}
    return [quiz for quiz in data.quizzes if quiz.id in used]


SIMULATOR_STEP = 10  # the simulator's default size of improvement, in percent or points


def simulator_results(data: SiteData) -> list[dict]:
    """What the simulator shows for each worked example: as it stands, with 10% more reach, and with the close
    rate 10 points higher. Worked out with the simulator's own arithmetic from the example's numbers."""
    rows = []
    currency = data.funnels.simulator.currency
    for example in data.examples:
        counts = list(example.funnel.counts.values())
        rates = [funnel_math.percent_1dp(r) / 100 for r in funnel_math.rates_from_counts(counts)]
        result = funnel_math.compare(counts[0], rates, example.funnel.average_sale, SIMULATOR_STEP, "points")

        def outcome(o, base=result.base):
            extra = funnel_math.whole(o.revenue) - funnel_math.whole(base.revenue)
            return f"{funnel_math.whole(o.customers):,} (+{currency}{extra:,})"

        rows.append({"business": example.business, "customers": f"{funnel_math.whole(result.base.customers):,}",
                     "revenue": f"{currency}{funnel_math.whole(result.base.revenue):,}",
                     "more_reach": outcome(result.more_reach), "better_close": outcome(result.better_close),
                     "close_before": f"{rates[-1]:.1%}", "close_after": f"{result.close_rate_after:.1%}"})
    return rows


def lesson(data: SiteData, links: Links, lesson_id: str) -> str:
    """A lesson plan's whole page."""
    found = data.lesson(lesson_id)
    starts = [sum(s.minutes for s in found.steps[:i]) for i in range(len(found.steps))]
    titles = {page: _title(data, page) for step in found.steps for page in step.pages}
    results = simulator_results(data) if any(step.simulator_results for step in found.steps) else []
    return render_template("lesson.md.jinja", data, links, lesson=found, pages=lesson_pages(lesson_id),
                           starts=starts, clock=clock, page_titles=titles, quizzes=_quizzes_used(data, found),
                           key_page=key_page, simulator_results=results, step_size=SIMULATOR_STEP)


def _worksheet(data: SiteData, links: Links, lesson_id: str, key: bool) -> str:
    found = data.lesson(lesson_id)
    quiz_questions = [
        next(q for q in data.quiz(item.quiz).questions if q.id == item.question)
        if isinstance(item, models.QuizRef) else None
        for item in found.worksheet.questions
    ]
    return render_template("worksheet.md.jinja", data, links, lesson=found, pages=lesson_pages(lesson_id), key=key,
                           quiz_questions=quiz_questions, instructions=instructions(data.interface.question_kinds),
                           categories=data.interface.owners.model_dump(),
                           scrambled=scrambled)


def worksheet(data: SiteData, links: Links, lesson_id: str) -> str:
    """A lesson's printable worksheet: questions with room to answer, no answers."""
    return _worksheet(data, links, lesson_id, key=False)


def worksheet_key(data: SiteData, links: Links, lesson_id: str) -> str:
    """The worksheet with every answer, for the teacher."""
    return _worksheet(data, links, lesson_id, key=True)


def lesson_list(data: SiteData, links: Links) -> str:
    """Every lesson plan with its worksheet and key."""
    return render_template("lesson_list.html.jinja", data, links, lessons=data.teaching.lessons,
                           lesson_pages=lesson_pages)


PAGE_MACROS = {f.__name__: f for f in (objectives, key_points, lesson, worksheet, worksheet_key, lesson_list)}
