"""Which items on which pages cite each source."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from macros.loading import SiteData, lesson_pages


@dataclass(frozen=True)
class Citation:
    """An item on the site that cites a source."""

    page: str
    anchor: str
    label: str

    @property
    def target(self) -> str:
        return f"{self.page}#{self.anchor}"


def _items(data: SiteData):
    """(page, anchor, label, source ids) for every citing item, in page order."""
    home = data.home.one_minute
    yield "index.md", "the-one-minute-answer", "The one-minute answer", home.sources
    for d in data.definitions.definitions:
        yield "definitions.md", d.id, f"Definition of {d.subject}: {d.voice}", d.sources
    yield "definitions.md", "our-synthesis", "Our synthesis", data.definitions.synthesis.sources
    for row in data.comparison.rows:
        yield "differences.md", row.id, f"Comparison: {row.aspect}", row.sources
    for process in data.processes.processes:
        for n, step in enumerate(process.steps, 1):
            yield "processes.md", step.id, f"{process.title}, step {n}: {step.title}", step.sources
    yield "processes.md", "handoff", "The handoff from marketing to sales", data.processes.handoff.sources
    funnels = data.funnels
    yield "funnel.md", "customer-funnel-stages", funnels.customer_funnel.title, funnels.customer_funnel.sources
    yield "funnel.md", "two-funnels", funnels.marketing_funnel.title, funnels.marketing_funnel.sources
    yield "funnel.md", "two-funnels", funnels.sales_funnel.title, funnels.sales_funnel.sources
    for case in data.cases.cases:
        yield "examples/index.md", case.id, f"Short case: {case.title}", case.sources
    for example in data.examples:
        yield f"examples/{example.id}.md", "sources", f"Worked example: {example.business}", example.sources
    tactics = data.tactics
    for item in (*tactics.channels, *tactics.sales_tactics, *tactics.metrics):
        yield "tactics.md", item.id, item.name, item.sources
    for topic in data.together.topics:
        yield "together.md", topic.id, topic.title, topic.sources
    for dis in data.disagreements.disagreements:
        yield "disagreements.md", dis.id, dis.question, [s for v in dis.views for s in v.held_by]
    for q in data.faq.questions:
        yield "faq.md", q.id, q.question, q.sources
    for term in data.glossary.terms:
        yield "glossary.md", term.id, f"Glossary: {term.term}", term.sources
    for lesson in data.teaching.lessons:
        yield lesson_pages(lesson.id)[0], "sources", f"Lesson plan: {lesson.title}", lesson.sources


def citations(data: SiteData) -> dict[str, list[Citation]]:
    """Source id -> the items citing it, each listed once, in page order."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for page, anchor, label, source_ids in _items(data):
        for source_id in dict.fromkeys(source_ids):
            out[source_id].append(Citation(page, anchor, label))
    return dict(out)
