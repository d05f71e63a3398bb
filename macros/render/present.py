"""The slides for a projector: each Learn page, the worked examples and each lesson plan as a standalone page.

A deck follows its page: the page's Markdown is read for its macro calls, in order, and each call that shows
data becomes slides of the same data (a pair of definitions, a few comparison rows, one process step, the
funnel chart, a case, a discussion prompt, the key points, each quiz question), under the heading the page
puts above the call. Long content goes on to more slides (an estimate of the lines it takes), never shrunk; a
browser test checks that no slide overflows. Speaker notes (lesson timings, model answers, the detail behind
a slide) travel with each slide and are shown only in the notes window (content/assets/present.js).
"""

from __future__ import annotations

import ast
import json
import math
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from macros import paths
from macros.data import models
from macros.data.loading import SiteData
from macros.data.messages import fill
from macros.data.quizzes import scrambled
from macros.paths import Links
from macros.render.charts import funnel_chart_context
from macros.render.templating import clock, markdown_html, render_template

# How much a slide holds, in lines of text at 1rem (28.8 px on a 1280 x 720 screen, the same share of any 16:9
# screen, more room on a 4:3 one): LINES lines of CHARS characters under the heading. Content past it goes on to
# another slide; tests/browser/test_present.py checks that no slide overflows at 1024 x 768, 1280 x 720 and
# 1920 x 1080. The estimate is cautious (wide letters, a paragraph's last line counted whole).
LINES = 14.0
CHARS = 72
GAP = 0.25  # the space after a paragraph or an item, in lines
CITE = 0.55  # citations are set at 0.55rem: a line of them is about half a line of text, and holds 1.8 times as much

# The words present.js shows.
SCRIPT_WORDS = ("status", "counter", "next_up", "last_slide", "no_notes", "reveal", "explain", "hide")
_HEADING = re.compile(r"^(#{1,3}) +(.+?)(?: +\{[^}]*\})? *$")
_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


@dataclass
class Slide:
    heading: str
    kind: str = "text"  # title, text, chart, quiz or points
    body: Markup = field(default_factory=Markup)
    notes: Markup = field(default_factory=Markup)
    kicker: str = ""  # a line above the heading
    extra: dict = field(default_factory=dict)


@dataclass
class Deck:
    """Everything a deck's builders share: the data, links from the deck's page, its words."""

    data: SiteData
    links: Links
    src: str
    title: str
    slides: list[Slide] = field(default_factory=list)

    @property
    def words(self) -> models.PresentWords:
        return self.data.interface.present

    def md(self, text: str) -> Markup:
        return markdown_html(text, self.links)

    def part(self, part: str, **context: object) -> Markup:
        """A fragment from present_parts.html.jinja (or another template, e.g. a page's own)."""
        template = part if part.endswith(".jinja") else "present_parts.html.jinja"
        return Markup(render_template(template, self.data, self.links, part=part, words=self.words, fill=fill,
                                      **{"heading": None, "refs": None, **context}))

    def cited(self, refs: list[str], width: float = 1) -> float:
        """The lines a list of citations takes on a slide, `width` the share of the slide's width it has."""
        text = " ".join(re.sub(r"<[^>]+>", "", self.part("cite", refs=refs)).split())
        return lines(text, width * 1.8) * CITE + GAP

    def add(self, heading: str, groups: Iterable[list], render: Callable[[list], Markup], kind: str = "text",
            notes: Callable[[list], Markup] | None = None) -> None:
        """A slide per group, the first under `heading`, the others under "heading (continued)"."""
        for i, group in enumerate(groups):
            title = heading if i == 0 else fill(self.words.continued, title=heading)
            self.slides.append(Slide(title, kind, render(group), notes(group) if notes else Markup("")))


def lines(text: str | None, width: float = 1) -> int:
    """The lines a text takes on a slide, `width` the share of the slide's width it has."""
    return math.ceil(len(text) / (CHARS * width)) if text else 0


def size(*texts: str | None, width: float = 1) -> float:
    """The lines some paragraphs take, with the space after each."""
    return sum(lines(t, width) + GAP for t in texts if t)


def labelled(label: str | None, text: str, width: float = 1) -> float:
    """A term on its line, then its description (a process step's facts, metrics, activities)."""
    return (1 + GAP if label else 0) + size(text, width=width)


def paginate(items: list, cost: Callable[[object], float], budget: float = LINES) -> list[list]:
    """Items in order, in groups that each fit the budget (an item larger than it has a group of its own)."""
    groups: list[list] = []
    used = budget + 1
    for item in items:
        c = cost(item)
        if used + c > budget:
            groups.append([])
            used = 0
        groups[-1].append(item)
        used += c
    return groups


def side_by_side(items: list, cost: Callable[[object, float], float]) -> tuple[list[list], Callable]:
    """Cards (the pages' own grids) two to a row, each in half the width, a row as tall as its taller card; a card
    too tall for half the width has the row to itself. Returns the rows and their cost, for `paginate`."""
    rows, i = [], 0
    while i < len(items):
        pair = items[i:i + 2]
        if len(pair) == 2 and max(cost(item, 0.48) for item in pair) <= LINES:
            rows.append(pair)
            i += 2
        else:
            rows.append(pair[:1])
            i += 1
    return rows, lambda row: max(cost(item, 0.48 if len(row) == 2 else 1) for item in row)


def blocks(text: str) -> list[str]:
    """A Markdown text's blocks (paragraphs, lists), each rendered on its own."""
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def calls(markdown: str) -> list[tuple[str, tuple, str]]:
    """Each macro call in a page's Markdown, in order: (name, arguments, the heading above it)."""
    found, heading = [], ""
    for line in markdown.splitlines():
        if m := _HEADING.match(line):
            heading = m.group(2)
        for name, args in _CALL.findall(line):
            found.append((name, ast.literal_eval(f"({args},)") if args.strip() else (), heading))
    return found


# ---- builders: one per page macro; each adds the slides for one call ----

def _definitions(deck: Deck, heading: str, subject: str) -> None:
    items = [d for d in deck.data.definitions.definitions if d.subject == subject]
    def cost(d, width):
        return size(d.voice, d.text, f"Stresses: {d.emphasis}", width=width) + deck.cited(d.sources, width)

    deck.add(heading, paginate(*side_by_side(items, cost)),
             lambda g: deck.part("definitions.html.jinja", items=[d for row in g for d in row]))


def _synthesis(deck: Deck, heading: str) -> None:
    synthesis = deck.data.definitions.synthesis
    for side in ("marketing", "sales"):
        label = deck.data.interface.owners.model_dump()[side]
        groups = paginate(blocks(getattr(synthesis, side)), size, LINES - deck.cited(synthesis.sources))
        deck.add(f"{heading}: {label}", groups,
                 lambda g: deck.part("markdown", texts=g, refs=synthesis.sources))


def _comparison(deck: Deck, heading: str) -> None:
    """A few rows to a slide (the page's own table), their sources under it; each row's example in the notes,
    for the teacher to read out."""
    rows = deck.data.comparison.rows

    def cost(r):  # aspect, marketing and sales side by side: a fifth and two fifths of the width each
        return max(lines(r.aspect, 0.2), lines(r.marketing, 0.42), lines(r.sales, 0.42)) + GAP

    deck.add(heading, paginate(rows, cost, LINES - 2.5), lambda g: deck.part("comparison", rows=g),
             notes=lambda g: deck.part("comparison_notes", rows=g))


def _process(deck: Deck, heading: str, process_id: str) -> None:
    process = deck.data.process(process_id)
    for n, step in enumerate(process.steps, 1):
        facts = [f for f in ("what", "who", "example", "handoff") if getattr(step, f)]
        # Each fact's label runs into its text ("Example: ..."), the longest label being the handoff's.
        groups = paginate(facts, lambda f, s=step: size(f"{'Marketing and sales meet here' if f == 'handoff' else f}: "
                                                        f"{getattr(s, f)}"), LINES - deck.cited(step.sources))
        deck.add(f"{n}. {step.title}", groups,
                 lambda g, s=step, last=groups[-1]: deck.part("step", step=s, facts=g, side=process.id, last=g is last))
        deck.slides[-len(groups)].kicker = heading


def _handoff(deck: Deck, heading: str) -> None:
    handoff = deck.data.processes.handoff
    gates = deck.data.handoff_gates()
    deck.add(heading, [gates], lambda g: deck.part("gates", gates=g))
    groups = paginate(blocks(handoff.text), size, LINES - deck.cited(handoff.sources))
    deck.add(fill(deck.words.continued, title=heading), groups,
             lambda g: deck.part("markdown", texts=g, refs=handoff.sources))


def _funnel_summary(deck: Deck, heading: str) -> None:
    funnel = deck.data.funnels.customer_funnel
    deck.add(heading, [[funnel.summary]], lambda g: deck.part("lead", text=g[0], refs=funnel.sources))


def _funnel_chart(deck: Deck, heading: str, which: str = "customer") -> None:
    chart = funnel_chart_context(deck.data, which, f"slide-chart-{which}")
    notes = deck.part("chart_notes", chart=chart)
    kicker = heading if heading != chart["title"] else ""
    deck.slides.append(Slide(chart["title"], "chart", deck.part("chart", chart=chart), notes, kicker=kicker))


def _example_funnels(deck: Deck, heading: str) -> None:
    for example in deck.data.examples:
        _funnel_chart(deck, heading, example.id)


def _funnel_stages(deck: Deck, heading: str) -> None:
    funnel = deck.data.funnels.customer_funnel

    def what(stage):
        return deck.data.term(stage.term).definition if stage.term else stage.what

    deck.add(heading, paginate(funnel.stages, lambda s: labelled(s.name, what(s)), LINES - deck.cited(funnel.sources)),
             lambda g: deck.part("stages", stages=g, what=what, refs=funnel.sources,
                                 start=funnel.stages.index(g[0]) + 1))


def _concept_funnels(deck: Deck, heading: str) -> None:
    for funnel, side in [(deck.data.funnels.marketing_funnel, "marketing"), (deck.data.funnels.sales_funnel, "sales")]:
        deck.add(funnel.title, paginate(funnel.stages, lambda s: size(f"{s.name}: {s.what}"), LINES - 1),
                 lambda g, f=funnel, side=side: deck.part("concept", funnel=f, stages=g, side=side,
                                                          start=f.stages.index(g[0]) + 1),
                 notes=lambda g, f=funnel: deck.part("notes_text", texts=[f.summary]))


def _cards(deck: Deck, heading: str, items: list) -> None:
    def cost(i, width):
        return 1.3 + size(i.what, f"Example: {i.example}", width=width) + deck.cited(i.sources, width)

    deck.add(heading, paginate(*side_by_side(items, cost)),
             lambda g: deck.part("cards.html.jinja", items=[i for row in g for i in row]))


def _channels(deck: Deck, heading: str, kind: str) -> None:
    _cards(deck, heading, [c for c in deck.data.tactics.channels if c.kind == kind])


def _sales_tactics(deck: Deck, heading: str) -> None:
    _cards(deck, heading, list(deck.data.tactics.sales_tactics))


def _metrics(deck: Deck, heading: str) -> None:
    labels = deck.data.interface.owners.model_dump()
    for owner in ("marketing", "sales", "both"):
        items = [m for m in deck.data.tactics.metrics if m.owner == owner]
        deck.add(f"{heading}: {labels[owner]}", paginate(items, lambda m: labelled(m.name, m.what)),
                 lambda g, owner=owner: deck.part("metrics", metrics=g, side=owner))


def _topics(deck: Deck, heading: str) -> None:
    for topic in deck.data.together.topics:
        deck.slides.append(Slide(topic.title, "text", deck.part("lead", text=topic.summary, refs=topic.sources),
                                 deck.part("topic_notes", topic=topic)))


def _disagreements(deck: Deck, heading: str) -> None:
    for item in deck.data.disagreements.disagreements:
        deck.add(item.question, paginate(item.views, lambda v: size(v.position) + deck.cited(v.held_by)),
                 lambda g, item=item: deck.part("views", views=g, start=item.views.index(g[0]) + 1),
                 notes=lambda g: deck.part("views_notes", views=g))
        refs = ["this-site/synthesis", *item.reading_sources]
        deck.add(fill(deck.words.continued, title=item.question),
                 paginate(blocks(item.our_reading), size, LINES - deck.cited(refs)),
                 lambda g, refs=refs: deck.part("markdown", texts=g, refs=refs))


def _cases(deck: Deck, heading: str) -> None:
    for case in deck.data.cases.cases:
        deck.add(case.title, paginate([*blocks(case.account), None], lambda b, c=case: size(b or c.lesson),
                                      LINES - deck.cited(case.sources)),
                 lambda g, case=case: deck.part("case", case=case, texts=[b for b in g if b],
                                                lesson=None in g))
        deck.slides[-1].kicker = heading


def _example_list(deck: Deck, heading: str) -> None:
    deck.add(heading, paginate(list(deck.data.examples), lambda e: labelled(e.business, e.summary)),
             lambda g: deck.part("example_list", examples=g))


def _objectives(deck: Deck, heading: str) -> None:
    teaching = deck.data.page_teaching(deck.src)
    deck.slides[0].body = deck.part("list", heading=deck.words.objectives, items=teaching.objectives)


def _key_points(deck: Deck, heading: str) -> None:
    teaching = deck.data.page_teaching(deck.src)
    deck.slides.append(Slide(deck.words.key_points, "points", deck.part("list", items=teaching.key_points)))


def _quiz(deck: Deck, heading: str, quiz_id: str) -> None:
    quiz = deck.data.quiz(quiz_id)
    for n, question in enumerate(quiz.questions, 1):
        options = _options(deck, quiz, question)
        qid = paths.quiz_question_anchor(quiz.id, question.id)
        tally = question.kind in ("single", "multiple", "true_false")
        how = deck.data.interface.question_kinds.model_dump()[question.kind]["instructions"]
        deck.slides.append(Slide(
            question.prompt, "quiz", deck.part("question", question=question, options=options, qid=qid),
            deck.part("quiz_notes", question=question),
            kicker=f"{fill(deck.words.question, number=n, count=len(quiz.questions))} · {how}",
            extra={"tally": tally, "actions": deck.part("quiz_actions", qid=qid, tally=tally)}))


def _options(deck: Deck, quiz: models.QuizFile, question: models.QuizQuestion) -> list[dict]:
    """A question's options as the slide shows them: letter, text and, once revealed, the answer."""
    words, owners = deck.words, deck.data.interface.owners.model_dump()
    if isinstance(question, (models.SingleChoice, models.MultipleSelect)):
        found = [(o.text, words.right if o.correct else "") for o in question.options]
    elif isinstance(question, models.TrueFalse):
        found = [(words.answer_true, words.right if question.answer else ""),
                 (words.answer_false, "" if question.answer else words.right)]
    elif isinstance(question, models.Classify):
        found = [(i.text, owners[i.answer]) for i in question.items]
    else:
        found = [(question.items[i].text, str(i + 1)) for i in scrambled(quiz.id, question)]
    return [{"letter": string.ascii_uppercase[i], "text": text, "answer": answer}
            for i, (text, answer) in enumerate(found)]


def _example_page(deck: Deck, heading: str, example_id: str) -> None:
    example = deck.data.example(example_id)
    steps = {s.id: s for p in deck.data.processes.processes for s in p.steps}
    deck.slides[0].body = deck.part("lead", text=example.summary)
    deck.add(example.business, paginate(blocks(example.business_and_customers), size),
             lambda g: deck.part("markdown", texts=g))
    for process in deck.data.processes.processes:
        activities = example.marketing if process.id == "marketing" else example.sales
        deck.add(process.title, paginate(activities, lambda a: labelled(steps[a.step].title, a.activity)),
                 lambda g, side=process.id: deck.part("activities", activities=g, steps=steps, side=side))
    gates = deck.data.handoff_gates()
    parts = [(gates[0].name, example.handoff.mql), (gates[1].name, example.handoff.sql),
             (None, example.handoff.passes), (None, example.handoff.returns)]
    deck.add(deck.words.handoff, paginate(list(enumerate(parts)), lambda p: labelled(*p[1])),
             lambda g: deck.part("example_handoff", parts=g))
    _funnel_chart(deck, example.business, example.id)
    deck.slides[-1].notes = deck.part("notes_text", texts=[example.funnel.note]) + deck.slides[-1].notes
    deck.add(deck.words.without, [[example.without]], lambda g: deck.part("without", without=g[0]))
    for q in example.questions:
        deck.slides.append(Slide(q.question, "text", Markup(""), deck.part("notes_md", texts=[q.answer]),
                                 kicker=example.business))


def _lesson(deck: Deck, heading: str, lesson_id: str) -> None:
    lesson = deck.data.lesson(lesson_id)
    deck.slides[0].body = deck.part("list", heading=deck.words.objectives, items=lesson.objectives)
    deck.slides[0].notes = deck.part("notes_md", texts=lesson.prepare)
    def prompts() -> None:
        for n, prompt in enumerate(lesson.discussion, 1):
            deck.slides.append(Slide(prompt.question, "text", Markup(""),
                                     deck.part("notes_md", texts=[prompt.answer]), kicker=f"{n}."))

    start = 0
    for step in lesson.steps:
        time = fill(deck.words.step_time, start=clock(start), end=clock(start + step.minutes), minutes=step.minutes)
        decks = [p.partition("#")[0] for p in step.pages]
        targets = [(deck.data.page_titles.get(p, p), deck.links.to(paths.present_page(p)))
                   for p in dict.fromkeys(decks) if p in deck_pages(deck.data)]
        deck.slides.append(Slide(step.title, "text", deck.part("lesson_step", targets=targets),
                                 deck.part("step_notes", time=time, activity=step.activity), kicker=time))
        start += step.minutes
        if step.discussion:
            prompts()
    # The discussion prompts follow the step that uses them, or close the deck.
    if not any(step.discussion for step in lesson.steps):
        prompts()


BUILDERS: dict[str, Callable[..., None]] = {
    "objectives": _objectives, "definitions": _definitions, "synthesis": _synthesis,
    "comparison_table": _comparison, "process_steps": _process, "handoff": _handoff,
    "funnel_summary": _funnel_summary, "funnel_chart": _funnel_chart, "funnel_stages": _funnel_stages,
    "concept_funnels": _concept_funnels, "example_funnels": _example_funnels, "channels": _channels,
    "sales_tactics": _sales_tactics, "metrics": _metrics, "topics": _topics, "disagreements": _disagreements,
    "cases": _cases, "example_list": _example_list, "key_points": _key_points, "quiz": _quiz,
    "example_page": _example_page, "lesson": _lesson,
}


def deck_pages(data: SiteData) -> list[str]:
    """The pages that have slides: the Learn pages (those with objectives), the worked examples with their
    overview, and the lesson plans."""
    return ([t.page for t in data.teaching.pages] + [paths.EXAMPLES_OVERVIEW]
            + [paths.example_page(e.id) for e in data.examples]
            + [paths.lesson_pages(lesson.id)[0] for lesson in data.teaching.lessons])


def _lessons_using(deck: Deck) -> Markup:
    """Notes for a page's first slide: each lesson step that uses the page, with its timing and activity."""
    uses = []
    for lesson in deck.data.teaching.lessons:
        start = 0
        for step in lesson.steps:
            if any(p.partition("#")[0] == deck.src for p in step.pages):
                time = fill(deck.words.step_time, start=clock(start), end=clock(start + step.minutes),
                            minutes=step.minutes)
                uses.append((fill(deck.words.in_lesson, lesson=lesson.title, time=time, step=step.title),
                             step.activity))
            start += step.minutes
    return deck.part("lesson_uses", uses=uses) if uses else Markup("")


def slides(data: SiteData, src: str, markdown: str, directory_urls: bool = True) -> list[Slide]:
    """The slides of a page, from its Markdown's macro calls (see `calls`)."""
    title = data.page_titles.get(src) or next((h for _, _, h in calls(markdown) if h), src)
    if src in {paths.lesson_pages(lesson.id)[0] for lesson in data.teaching.lessons}:
        title = data.lesson(src.rsplit("/", 1)[1].removesuffix(".md")).title
    deck = Deck(data, Links.for_page(paths.present_page(src), directory_urls), src, title)
    deck.slides.append(Slide(title, "title", notes=_lessons_using(deck)))
    for name, args, heading in calls(markdown):
        if name in BUILDERS:
            BUILDERS[name](deck, heading or title, *args)
    return deck.slides


def present_html(data: SiteData, src: str, markdown: str, directory_urls: bool = True) -> str:
    """The standalone page of a page's slides."""
    links = Links.for_page(paths.present_page(src), directory_urls)
    found = slides(data, src, markdown, directory_urls)
    title = found[0].heading
    words = data.interface.present
    return render_template(
        "present.html.jinja", data, links, slides=found, title=title, words=words, back=links.to(src), fill=fill,
        script=links.asset(paths.PRESENT_ASSETS["script"]), common=links.asset("assets/common.js"),
        styles=[links.asset(s) for s in paths.PRESENT_ASSETS["styles"]],
        page_words=_json({k: v for k, v in words.model_dump().items() if k in SCRIPT_WORDS}))


def present_link(data: SiteData, links: Links, src: str) -> str:
    """The 'Present' link at the top of a page that has slides, or nothing."""
    if src not in deck_pages(data):
        return ""
    return render_template("present_link.html.jinja", data, links, href=links.to(paths.present_page(src)),
                           words=data.interface.present)


def write_decks(data: SiteData, sources: dict[str, str], site_dir: Path, directory_urls: bool) -> list[Path]:
    """Write the slides of every page that has them; `sources` gives each page's Markdown."""
    written = []
    for src in deck_pages(data):
        target = site_dir / paths.present_file(src, directory_urls)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(present_html(data, src, sources[src], directory_urls), encoding="utf-8")
        written.append(target)
    return written


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


PAGE_MACROS: dict = {}  # the slides are pages of their own, written after the site (see write_decks)
