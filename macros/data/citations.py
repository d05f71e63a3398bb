"""Citations: how a list of 'source/section' references reads, and which items cite each section."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from macros import paths
from macros.data import models
from macros.data.loading import SiteData


@dataclass(frozen=True)
class CitedSource:
    """One source and the sections of it that an item cites."""

    source: models.Source
    sections: tuple[models.Section, ...]


@dataclass(frozen=True)
class CiteGroup:
    """Citations of one kind: the articles, textbooks, laws, or this site's own work."""

    kind: str
    label: str
    items: tuple[CitedSource, ...]


def cite_groups(data: SiteData, refs: list[str]) -> list[CiteGroup]:
    """['mezan/faq-2', 'mezan/comparison-table', ...] -> groups by kind, each source once, in the order cited."""
    by_source: dict[str, list[models.Section]] = {}
    for ref in dict.fromkeys(refs):
        source, section = data.cite(ref)
        by_source.setdefault(source.id, []).append(section)
    groups: dict[str, list[CitedSource]] = {}
    for source_id, sections in by_source.items():
        source = data.source(source_id)
        groups.setdefault(source.kind, []).append(CitedSource(source, tuple(sections)))
    order = ("article", "textbook", "practice", "law", "site")
    labels = data.interface.citations.model_dump()
    return [CiteGroup(kind, labels.get(kind, ""), tuple(groups[kind])) for kind in order if kind in groups]


def label(data: SiteData, ref: str) -> str:
    """One citation as plain text: "Mezan, comparison table" or "This site's own advice"."""
    source, section = data.cite(ref)
    return section.label if source.kind == "site" else f"{source.short}, {section.display}"


def plain(data: SiteData, refs: list[str]) -> str:
    """Citations as one line of plain text, for quiz downloads."""
    parts = []
    for group in cite_groups(data, refs):
        if group.kind == "site":
            parts += [s.label for item in group.items for s in item.sections]
            continue
        names = [f"{item.source.short}, {' and '.join(s.display for s in item.sections)}" for item in group.items]
        parts.append(f"{group.label}: {'; '.join(names)}")
    return ". ".join(parts) + "."


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
    """(page, anchor, label, citations) for every citing item, in page order."""
    home = data.home.one_minute
    yield paths.HOME, "the-one-minute-answer", "The one-minute answer", home.sources
    for d in data.definitions.definitions:
        yield paths.DEFINITIONS, d.id, f"Definition of {d.subject}: {d.voice}", d.sources
    yield paths.DEFINITIONS, "our-synthesis", "Our synthesis", data.definitions.synthesis.sources
    for row in data.comparison.rows:
        yield paths.DIFFERENCES, row.id, f"Comparison: {row.aspect}", row.sources
    for process in data.processes.processes:
        for n, step in enumerate(process.steps, 1):
            yield paths.PROCESSES, step.id, f"{process.title}, step {n}: {step.title}", step.sources
    yield paths.PROCESSES, "handoff", "The handoff from marketing to sales", data.processes.handoff.sources
    funnels = data.funnels
    yield paths.FUNNEL, "customer-funnel-stages", funnels.customer_funnel.title, funnels.customer_funnel.sources
    yield paths.FUNNEL, "two-funnels", funnels.marketing_funnel.title, funnels.marketing_funnel.sources
    yield paths.FUNNEL, "two-funnels", funnels.sales_funnel.title, funnels.sales_funnel.sources
    for case in data.cases.cases:
        yield paths.EXAMPLES_OVERVIEW, case.id, f"Short case: {case.title}", case.sources
    for example in data.examples:
        yield paths.example_page(example.id), "sources", f"Worked example: {example.business}", example.sources
    tactics = data.tactics
    for item in (*tactics.channels, *tactics.sales_tactics, *tactics.metrics):
        yield paths.TACTICS, item.id, item.name, item.sources
    for topic in data.together.topics:
        yield paths.TOGETHER, topic.id, topic.title, topic.sources
    for dis in data.disagreements.disagreements:
        yield paths.DISAGREEMENTS, dis.id, dis.question, [s for v in dis.views for s in v.held_by]
        yield paths.DISAGREEMENTS, dis.id, f"{dis.question} (how to read both)", ["this-site/synthesis",
                                                                                 *dis.reading_sources]
    for q in data.faq.questions:
        yield paths.FAQ, q.id, q.question, q.sources
    for term in data.glossary.terms:
        yield paths.GLOSSARY, term.id, f"Glossary: {term.term}", term.sources
    for quiz in data.quizzes:
        for n, question in enumerate(quiz.questions, 1):
            anchor = paths.quiz_question_anchor(quiz.id, question.id)
            yield quiz.page, anchor, f"Quiz '{quiz.title}', question {n}", question.sources
    for stage, actions in data.tools.checkup.actions.items():
        for action in actions:
            yield paths.CHECKUP, f"actions-{stage}", f"Funnel check-up: {action.label}", action.sources
    for question in data.tools.invest.questions:
        for option in question.options:
            yield paths.INVEST, "invest-all", f"Where to invest first: {option.label}", option.sources
    for lesson in data.teaching.lessons:
        yield paths.lesson_pages(lesson.id)[0], "sources", f"Lesson plan: {lesson.title}", lesson.sources


def citations(data: SiteData) -> dict[str, list[Citation]]:
    """'source/section' -> the items citing it, each listed once, in page order."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for page, anchor_id, label, refs in _items(data):
        for ref in dict.fromkeys(refs):
            citation = Citation(page, anchor_id, label)
            if citation not in out[ref]:
                out[ref].append(citation)
    return dict(out)
