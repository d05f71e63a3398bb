"""Pydantic models, one per kind of YAML file in data/.

Plain-text fields are escaped when rendered; fields typed `Markdown` are rendered
with Python-Markdown and then sanitised.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from macros.data.messages import placeholder_problem


@dataclass(frozen=True)
class Refers:
    """What a text field holds, beyond its words: the loader checks every field by this mark, wherever
    the field is (see loading._check_references). kind: markdown, page, citation, or the kind of id."""

    kind: str


_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=_ID_PATTERN, max_length=60)]
# Plain text: shown as it is, escaped.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Markdown: rendered and sanitised; its links to pages ([text](faq.md#x)) must resolve.
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Refers("markdown")]
# A page of the site (and a section), as its source in content/: faq.md#invest-first.
PageRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Refers("page")]
# A source and one of its sections: mezan/comparison-table.
Cite = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$", max_length=121),
                 Refers("citation")]
# Ids of things stated once elsewhere in data/.
StageRef = Annotated[Id, Refers("stage")]
MetricRef = Annotated[Id, Refers("metric")]
TermRef = Annotated[Id, Refers("term")]
StepRef = Annotated[Id, Refers("step")]
QuizId = Annotated[Id, Refers("quiz")]
ExampleId = Annotated[Id, Refers("example")]
SourceIds = Annotated[list[Cite], Field(min_length=1, description=(
    "Citations, each a source id from data/sources.yml and one of its sections: e.g. mezan/comparison-table"))]
Side = Literal["marketing", "sales"]
Owner = Literal["marketing", "sales", "both"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(Model):
    """An item that states facts from the source articles."""

    id: Id
    sources: SourceIds


# sources.yml
SectionKind = Literal["heading", "passage", "item", "list", "table", "section", "article", "own"]


class Section(Model):
    """A part of a source that a citation can point at: a heading, a table, a numbered item..."""

    id: Id
    kind: SectionKind = Field(description="heading (shown in quotes), passage, item, list, table, section, article"
                                          " (of a law) or own (this site's own work)")
    label: Text = Field(description="How the part is named to the reader, e.g. 'comparison table' or a heading")
    url: Text | None = Field(default=None, description="Where a reader can open this part (textbooks and laws)")

    @property
    def display(self) -> str:
        return f"\u201c{self.label}\u201d" if self.kind == "heading" else self.label


class Source(Model):
    id: Id
    kind: Literal["article", "textbook", "law", "practice", "site"] = Field(
        default="article", description="article: one of the five articles; textbook or law: general knowledge with a"
                                       " standard reference; practice: an industry term documented by the firms that"
                                       " use it; site: this site's own synthesis, advice or illustration")
    title: Text
    short: Text = Field(description="Short name used in citations, e.g. 'Mezan' or 'Maker's Row'")
    publisher: Text
    seed_file: Text | None = Field(default=None, description="File name in shared/seeds/ (articles)")
    authors: Text | None = Field(default=None, description="Authors or issuing body (textbooks and laws)")
    year: int | None = Field(default=None, ge=1900, le=2100)
    licence: Text | None = None
    url: Text | None = Field(default=None, description="Where a reader can open it (textbooks and laws)")
    summary: Text
    contributes: list[Text] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1, description="The parts a citation may point at")

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Source:
        needs = {"article": ("seed_file",), "textbook": ("authors", "year", "url"), "law": ("authors", "year", "url"),
                 "practice": ("authors", "url"), "site": ()}[self.kind]
        missing = [name for name in needs if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a source of kind {self.kind} needs {', '.join(missing)}")
        return self

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


class SourcesFile(Model):
    sources: list[Source] = Field(min_length=1)


# glossary.yml
class Term(Model):
    id: Id
    term: Text
    also: list[Text] = Field(default_factory=list, description="Other forms linked to this term")
    definition: Text = Field(description="Plain text, one or two sentences: it is shown as a tooltip")
    sources: SourceIds


class GlossaryFile(Model):
    terms: list[Term] = Field(min_length=30)


# home.yml
class PageLink(Model):
    page: PageRef = Field(description="A page in content/, e.g. definitions.md or funnel.md#simulator")
    label: Text


class ReaderPath(Model):
    id: Id
    audience: Text
    title: Text
    text: Text
    links: list[PageLink] = Field(min_length=1)


class OneMinute(Model):
    marketing: Text
    sales: Text
    together: Text
    sources: SourceIds


class HomeFile(Model):
    one_minute: OneMinute
    paths: list[ReaderPath] = Field(min_length=3, max_length=3)


# definitions.yml
class Definition(Cited):
    subject: Side
    voice: Text = Field(description="Whose definition this is, e.g. 'Dictionary' or 'Mezan'")
    text: Text
    emphasis: Text = Field(description="What this definition stresses, in a few words")


class Synthesis(Model):
    marketing: Markdown
    sales: Markdown
    sources: SourceIds


class DefinitionsFile(Model):
    definitions: list[Definition] = Field(min_length=2)
    synthesis: Synthesis


# comparison.yml
class ComparisonRow(Cited):
    aspect: Text
    marketing: Text
    sales: Text
    example: Text = Field(description="A plain, everyday example of the difference")


class ComparisonFile(Model):
    rows: list[ComparisonRow] = Field(min_length=14)


# processes.yml
class Step(Cited):
    title: Text
    what: Text = Field(description="What happens in this step")
    who: Text = Field(description="Who does it")
    example: Text
    handoff: Text | None = Field(default=None, description="How marketing and sales pass work here")


class Process(Model):
    id: Side
    title: Text
    summary: Text
    steps: list[Step] = Field(min_length=1)


class Handoff(Model):
    after: StepRef = Field(description="The marketing step after which leads go to sales")
    before: StepRef = Field(description="The sales step that receives them")
    text: Markdown
    sources: SourceIds


class ProcessesFile(Model):
    processes: list[Process] = Field(min_length=2, max_length=2)
    handoff: Handoff


# tactics.yml
class Channel(Cited):
    name: Text
    kind: Literal["digital", "offline"]
    what: Text
    example: Text


class SalesTactic(Cited):
    name: Text
    what: Text
    example: Text


class Metric(Cited):
    name: Text
    owner: Owner
    what: Text


class TacticsFile(Model):
    channels: list[Channel] = Field(min_length=1)
    sales_tactics: list[SalesTactic] = Field(min_length=1)
    metrics: list[Metric] = Field(min_length=1)


# together.yml
class Topic(Cited):
    title: Text
    summary: Text = Field(description="One sentence shown at the top of the section")
    body: Markdown
    metrics: list[MetricRef] = Field(default_factory=list, description="Metric ids (tactics.yml) listed after the body")
    advice: Markdown | None = Field(default=None, description="This site's own advice, shown in a labelled box")


class TogetherFile(Model):
    topics: list[Topic] = Field(min_length=1)


# disagreements.yml
class View(Model):
    position: Text
    held_by: SourceIds = Field(description="Where each source that holds this view says so: source/section")
    reasoning: Text


class Disagreement(Model):
    id: Id
    question: Text
    views: list[View] = Field(min_length=2)
    our_reading: Markdown
    reading_sources: list[Cite] = Field(default_factory=list, description=(
        "What the reading rests on beyond the views, e.g. a textbook section; the reading itself is labelled as"
        " this site's"))


class DisagreementsFile(Model):
    disagreements: list[Disagreement] = Field(min_length=1)


# faq.yml
class Question(Model):
    id: Id
    question: Text
    answer: Markdown
    advice: Markdown | None = Field(default=None, description="This site's own advice, shown in a labelled box")
    sources: SourceIds


class FaqFile(Model):
    questions: list[Question] = Field(min_length=6)


# funnels.yml
class FunnelStage(Model):
    id: Id
    name: Text
    owner: Owner = Field(description="The team that owns this stage: the one place the site states it")
    count: int = Field(gt=0, description="Illustrative number of people at this stage")
    term: TermRef | None = Field(default=None,
                            description="A glossary term that defines this stage; its definition is shown")
    what: Text | None = Field(default=None, description="What this stage is, in one sentence (when it has no term)")
    aida: Literal["attention", "interest", "desire", "action"] | None = Field(
        default=None, description="The step of the AIDA model this stage falls in, if any")
    steps: list[StepRef] = Field(default_factory=list, description="Ids of process steps (processes.yml) acting here")


class CustomerFunnel(Model):
    title: Text
    summary: Text
    stages: list[FunnelStage] = Field(min_length=3)
    sources: SourceIds

    @model_validator(mode="after")
    def _term_or_what(self) -> CustomerFunnel:
        for stage in self.stages:
            if (stage.term is None) == (stage.what is None):
                raise ValueError(f"stage '{stage.id}' needs either a term (from the glossary) or what, not both")
        return self


class ConceptStage(Model):
    id: Id
    name: Text
    what: Text


class ConceptFunnel(Model):
    title: Text
    summary: Text
    stages: list[ConceptStage] = Field(min_length=2)
    sources: SourceIds


class SimulatorStage(Model):
    id: Id
    stage: StageRef = Field(description="The customer funnel stage this counts; its owner is this stage's owner")
    name: Text
    hint: Text = Field(description="What to count here, shown under the check-up's field")
    rate_label: Text | None = Field(default=None, description="Label of the conversion into this stage (not the top)")


class Simulator(Model):
    currency: Text = Field(description="Symbol shown before money amounts, e.g. $")
    stages: list[SimulatorStage] = Field(min_length=3, description="The top (reach) first, customers last")
    default: ExampleId = Field(description="Id of the worked example (data/examples/) the simulator starts from")
    max_reach: int = Field(gt=0, description="Largest reach a reader may enter")
    max_sale: int = Field(gt=0, description="Largest average sale a reader may enter, in the simulator and the"
                                            " check-up")
    max_improvement: int = Field(gt=0, description="Largest improvement the simulator compares, in percent or"
                                                   " percentage points")


class FunnelsFile(Model):
    customer_funnel: CustomerFunnel
    marketing_funnel: ConceptFunnel
    sales_funnel: ConceptFunnel
    simulator: Simulator


# examples/<id>.yml: one worked example per file
class Activity(Model):
    step: StepRef = Field(description="A step id from processes.yml, e.g. mkt-research or sales-closing")
    activity: Text = Field(description="What this business does at that step")


class DiscussionQuestion(Model):
    question: Text = Field(description="A question for a class or a reader")
    answer: Markdown = Field(description="A model answer for the teacher (Markdown)")


class ExampleMetric(Model):
    metric: MetricRef = Field(description="A metric id from tactics.yml; its owner decides the column")
    text: Text = Field(description="What the number is in this business")


class ExampleHandoff(Model):
    mql: Markdown = Field(description="Marketing's agreed test in this business: when a lead is marketing-qualified")
    sql: Markdown = Field(description="What sales checks before it accepts the lead as sales-qualified")
    passes: Markdown = Field(description="What marketing passes to sales with each lead")
    returns: Markdown = Field(description="What sales reports back to marketing")


class WithoutOne(Model):
    marketing: Text = Field(description="What goes wrong when the business has sales but no marketing")
    sales: Text = Field(description="What goes wrong when the business has marketing but no sales")


class ExampleFunnelCounts(Model):
    counts: dict[Id, Annotated[int, Field(gt=0)]] = Field(description="People at each simulator stage, by stage id")
    average_sale: Annotated[float, Field(gt=0)] = Field(description="Average value of one sale (illustrative)")
    note: Text = Field(description="What each stage means for this business; says the numbers are illustrative")


class ExampleFile(Model):
    id: Id = Field(description="Must match the file name: examples/<id>.yml")
    business: Text = Field(description="Short name, e.g. Neighborhood restaurant")
    order: int = Field(ge=0, description="Position among the examples (smallest first)")
    summary: Text = Field(description="One sentence shown in lists and the page description")
    business_and_customers: Markdown = Field(description="The business and who its customers are (Markdown)")
    marketing: list[Activity] = Field(min_length=1, description="One activity for each marketing step, in order")
    sales: list[Activity] = Field(min_length=1, description="One activity for each sales step, in order")
    handoff: ExampleHandoff = Field(description="The two gates in this business, and what passes between the teams")
    funnel: ExampleFunnelCounts = Field(description="An illustrative funnel: drawn on the page, used by the simulator")
    metrics: list[ExampleMetric] = Field(min_length=4, description="What the teams watch, each tied to a metric")
    without: WithoutOne = Field(description="What goes wrong when either side is missing")
    questions: list[DiscussionQuestion] = Field(min_length=3, description="Three or more, each with a model answer")
    sources: SourceIds = Field(description="Citations (source/section) of what this example draws on")


# cases.yml
class Case(Model):
    id: Id
    title: Text
    account: Markdown = Field(description="What the source reports, in our words")
    lesson: Text
    sources: SourceIds


class CasesFile(Model):
    cases: list[Case] = Field(min_length=1)


# quizzes/<id>.yml: one quiz per file
class Choice(Model):
    text: Text = Field(description="The option as the learner sees it")
    kahoot_text: Annotated[Text, StringConstraints(max_length=75)] | None = Field(
        default=None, description="A shorter wording for Kahoot, which allows 75 characters; only if text is longer")
    correct: bool = Field(default=False, description="true for a right option")
    feedback: Text = Field(description="Why this option is right or wrong")


class ClassifyItem(Model):
    text: Text = Field(description="The item to sort, e.g. 'Running a social media campaign'")
    answer: Owner | None = Field(default=None, description="marketing, sales or both; leave out when stage or"
                                                           " metric gives it")
    stage: StageRef | None = Field(default=None, description="A customer funnel stage: the answer is its owner")
    metric: MetricRef | None = Field(default=None, description="A metric (tactics.yml): the answer is its owner")
    feedback: Text = Field(description="Why it belongs there")

    @model_validator(mode="after")
    def _one_answer(self) -> ClassifyItem:
        if sum(x is not None for x in (self.answer, self.stage, self.metric)) != 1:
            raise ValueError("give exactly one of answer, stage (its owner is the answer) or metric")
        return self


class OrderItem(Model):
    text: Text = Field(description="One item; list the items in the right order")
    feedback: Text = Field(description="Why it comes at this point")


class QuestionBase(Model):
    id: Id = Field(description="Unique in the quiz; progress is stored under it")
    prompt: Text = Field(description="The question or statement")
    kahoot_prompt: Annotated[Text, StringConstraints(max_length=120)] | None = Field(
        default=None, description="A shorter prompt for Kahoot, which allows 120 characters; only if prompt is longer")
    hint: Text | None = Field(default=None, description="Optional nudge shown on request")
    explanation: Markdown = Field(description="Why the answer is what it is, shown after answering (Markdown)")
    sources: SourceIds = Field(description="Citations (source/section) the explanation rests on")


class SingleChoice(QuestionBase):
    kind: Literal["single"]
    options: list[Choice] = Field(min_length=2, max_length=6)

    @model_validator(mode="after")
    def _one_right(self) -> SingleChoice:
        if sum(o.correct for o in self.options) != 1:
            raise ValueError("a single-choice question needs exactly one option with correct: true")
        return self


class MultipleSelect(QuestionBase):
    kind: Literal["multiple"]
    options: list[Choice] = Field(min_length=3, max_length=8)

    @model_validator(mode="after")
    def _some_right(self) -> MultipleSelect:
        right = sum(o.correct for o in self.options)
        if right < 2 or right == len(self.options):
            raise ValueError("a multiple-select question needs at least two right options and one wrong one")
        return self


class TrueFalse(QuestionBase):
    kind: Literal["true_false"]
    answer: bool = Field(description="true if the statement in the prompt is true")
    feedback_true: Text = Field(description="Feedback for a learner who answers True")
    feedback_false: Text = Field(description="Feedback for a learner who answers False")


class Classify(QuestionBase):
    kind: Literal["classify"]
    items: list[ClassifyItem] = Field(min_length=3, max_length=10)


class Order(QuestionBase):
    kind: Literal["order"]
    items: list[OrderItem] = Field(min_length=3, max_length=8, description="In the right order")


QuizQuestion = Annotated[SingleChoice | MultipleSelect | TrueFalse | Classify | Order, Field(discriminator="kind")]
QUESTION_KINDS = ("single", "multiple", "true_false", "classify", "order")  # labels: data/interface.yml


class QuizFile(Model):
    id: Id = Field(description="Must match the file name: quizzes/<id>.yml")
    title: Text = Field(description="e.g. 'Definitions'")
    order: int = Field(ge=0, description="Position in the list of quizzes (smallest first)")
    page: PageRef = Field(description="The page the quiz sits on, e.g. definitions.md or examples/restaurant.md")
    summary: Text = Field(description="One sentence: what the quiz checks")
    pass_mark: int | None = Field(default=None, ge=1, le=100,
                                  description="The score in percent that passes, reported to a gradebook (SCORM);"
                                              " without it, a finished quiz counts as completed")
    questions: list[QuizQuestion] = Field(min_length=3)


# teaching.yml: objectives and key points for each Learn page, lesson plans and their worksheets
class PageTeaching(Model):
    page: PageRef = Field(description="A Learn page, e.g. definitions.md")
    objectives: list[Text] = Field(min_length=2, max_length=5,
                                   description="What a reader can do after the page; each starts with a verb")
    key_points: list[Text] = Field(min_length=2, max_length=5, description="The points to remember, one sentence each")


class LessonStep(Model):
    minutes: int = Field(gt=0, le=60)
    title: Text = Field(description="e.g. 'Sorting-cards game'")
    activity: Markdown = Field(description="What the teacher and the students do (Markdown)")
    pages: list[PageRef] = Field(default_factory=list, description="Site pages the step uses, e.g. funnel.md#simulator")
    simulator_results: bool = Field(default=False, description="Show what the simulator gives for each worked example")
    discussion: bool = Field(default=False, description="The lesson's discussion prompts are used in this step:"
                                                        " on the slides, they follow it")


class QuizRef(Model):
    quiz: QuizId = Field(description="A quiz id (data/quizzes/<id>.yml)")
    question: Id = Field(description="The id of a question in that quiz")


class OpenQuestion(Model):
    prompt: Text
    answer: Markdown = Field(description="A model answer, shown only in the worksheet's key (Markdown)")
    lines: int = Field(default=4, ge=1, le=15, description="Lines left blank for the answer on the worksheet")


class Worksheet(Model):
    intro: Text = Field(description="One or two sentences at the top of the worksheet")
    questions: list[QuizRef | OpenQuestion] = Field(min_length=3)


class Lesson(Cited):
    title: Text
    minutes: int = Field(gt=0, description="Total length; the steps' minutes must add up to it")
    summary: Text = Field(description="One sentence shown in lists and the page description")
    audience: Text = Field(description="Who it suits, e.g. 'Secondary school or first-year business students'")
    objectives: list[Text] = Field(min_length=2)
    prepare: list[Markdown] = Field(min_length=1, description="What to do or print before class (Markdown)")
    steps: list[LessonStep] = Field(min_length=3)
    discussion: list[DiscussionQuestion] = Field(min_length=2)
    worksheet: Worksheet

    @model_validator(mode="after")
    def _one_discussion_step(self) -> Lesson:
        if sum(step.discussion for step in self.steps) > 1:
            raise ValueError("at most one step may have discussion: true (the step that uses the prompts)")
        return self


class TeachingFile(Model):
    pages: list[PageTeaching] = Field(min_length=1)
    lessons: list[Lesson] = Field(min_length=1)


# tools.yml: the founders' funnel check-up and "where to invest first"
class ToolAction(Model):
    text: Text = Field(description="What to do and why, one or two sentences")
    link: PageRef = Field(description="The page (and section) that explains it, e.g. processes.md#sales-approach")
    label: Text = Field(description="The link's text")
    sources: SourceIds


class OwnerText(Model):
    marketing: Text
    sales: Text
    both: Text


class Checkup(Model):
    owner_text: OwnerText = Field(description="What the check-up says about the owner of the weakest stage")
    actions: dict[Id, Annotated[list[ToolAction], Field(min_length=3, max_length=3)]] = Field(
        description="For each simulator stage after the top (by id): three actions, most relevant first")


class InvestOption(Model):
    id: Id
    label: Text
    marketing: int = Field(ge=0, le=2, description="Points toward investing in marketing first")
    sales: int = Field(ge=0, le=2, description="Points toward investing in sales first")
    reason: Text = Field(description="Why this answer tilts the balance, or why it does not")
    link: PageRef = Field(description="The page the reason rests on, e.g. faq.md#invest-first")
    sources: SourceIds


class InvestQuestion(Model):
    id: Id
    question: Text
    options: list[InvestOption] = Field(min_length=2, max_length=4)


class Verdict(Model):
    title: Text
    text: Text


class Verdicts(Model):
    marketing: Verdict
    sales: Verdict
    balanced: Verdict


class Invest(Model):
    intro: Text
    questions: list[InvestQuestion] = Field(min_length=3)
    margin: int = Field(default=2, ge=1, description="How many points one side must lead by to be recommended first")
    verdicts: Verdicts
    caveat: Markdown


class ToolsFile(Model):
    checkup: Checkup
    invest: Invest


# interface.yml: the words the widgets and generated pages use
def Message(*names: str):  # noqa: N802 (a type, as the other field types here)
    """Text that must use exactly these placeholders, e.g. Message("max") for 'Enter at most {max}.'."""
    def check(text: str) -> str:
        problem = placeholder_problem(text, names)
        if problem:
            raise ValueError(problem)
        return text

    uses = f"it must use {', '.join(f'{{{n}}}' for n in names)}" if names else "it takes no placeholders"
    return Annotated[Text, AfterValidator(check), Field(description=f"Words shown to readers; {uses}")]


Words = Message()  # text a widget or a generated page shows: no placeholders


class OwnerLabels(Model):
    """How each owner is named: legends, tags, quiz categories, exports."""

    marketing: Words
    sales: Words
    both: Words


class KindWords(Model):
    label: Words = Field(description="The kind's name in quiz lists and answer keys, e.g. 'Single choice'")
    instructions: Words = Field(description="What the learner does, shown under the question")


class QuestionKinds(Model):
    single: KindWords
    multiple: KindWords
    true_false: KindWords
    classify: KindWords
    order: KindWords


class ChartWords(Model):
    legend_title: Words = Field(description="Title of the chart's legend of owners")
    stage_share: Message("label", "share") = Field(description="A stage's label on the chart, after the top stage")
    shares_note: Words = Field(description="Says what the share after each stage's name is")
    hover_count: Message("stage", "people") = Field(description="The line under a chart: the stage a pointer is on")
    hover_previous: Message("share")
    hover_top: Message("share")
    readout_hint: Words = Field(description="The line under a chart before a pointer is on a stage")
    summary: Message("top", "top_stage", "last", "last_stage", "share", "drop_from", "drop_to", "drop")
    example_title: Message("business")
    your_funnel: Words = Field(description="Title of the simulator's and the check-up's chart")
    simulator_summary: Words
    checkup_summary: Words
    overview_funnel: Message("reached", "customers", "share")


class SimulatorErrors(Model):
    reach: Message("max")
    sale: Message("max")
    improvement: Message("max")


class SimulatorVerdicts(Model):
    no_customers: Words
    same: Message("x")
    close: Message("gain_close", "gain_reach", "x", "close", "more_deals")
    reach: Message("gain_reach", "gain_close", "close")


class SimulatorWords(Model):
    totals: Message("customers", "revenue", "reach")
    errors: SimulatorErrors
    reach_option: Message("x", "reach", "customers", "revenue", "gain")
    close_option: Message("rise", "before", "after", "customers", "revenue", "gain")
    rise_relative: Message("x")
    rise_points: Message("x")
    verdicts: SimulatorVerdicts
    copied: Words
    copy_failed: Words
    copy_unavailable: Words


class CheckupErrors(Model):
    empty: Words
    negative: Words
    not_digits: Words
    not_whole: Words
    too_small: Message("min")
    too_large: Message("max")
    more_than_above: Message("count", "stage")
    target_empty: Words
    target_not_digits: Words
    target_zero: Words
    target_too_large: Words


class CheckupStatus(Model):
    summary_title: Words = Field(description="Heads the list of fields to fix, shown when the form is sent with errors")
    fill_in: Words
    one_to_fix: Words
    many_to_fix: Message("count")
    weakest: Message("stage", "yours", "mark", "summary")
    no_weakest: Message("title", "summary")


class CheckupTargets(Model):
    heading: Words
    no_weakest_title: Words
    no_weakest_text: Words
    weakest_numbers: Message("yours", "mark", "ratio")
    what_if_mark: Words


class CheckupEarlier(Model):
    heading: Words
    no_weakest_title: Words
    no_weakest_text: Words
    weakest_numbers: Message("yours", "mark")
    what_if_mark: Words


class CheckupWords(Model):
    errors: CheckupErrors
    status: CheckupStatus
    targets: CheckupTargets = Field(description="Words for a funnel judged against the founder's targets")
    earlier: CheckupEarlier = Field(description="Words for a funnel judged against an earlier period")
    no_one_before: Words
    summary: Message("customers", "revenue")
    what_if: Message("before", "after", "mark", "customers", "now", "change", "revenue", "extra_revenue")
    what_if_more: Message("count")
    what_if_same: Words


class InvestWords(Model):
    points: Message("marketing", "sales")
    missing_one: Message("count")
    missing_many: Message("count")
    status: Message("verdict", "points")


class QuizMarks(Model):
    right: Words
    wrong: Words
    missed: Words
    right_place: Words
    wrong_place: Words


class QuizWords(Model):
    sort_first: Message("left")
    choose_options: Words
    choose_answer: Words
    right: Words
    not_quite: Words
    multiple_none: Words
    multiple_cancelled: Message("hits", "right", "wrong")
    multiple_partly: Message("hits", "right", "score")
    multiple_partly_one_wrong: Message("hits", "right", "wrong", "score")
    multiple_partly_wrong: Message("hits", "right", "wrong", "score")
    classify_partly: Message("correct", "total", "score")
    classify_none: Message("correct", "total", "score")
    order_partly: Message("pairs", "total", "score")
    order_none: Message("pairs", "total", "score")
    you_chose: Message("option", "because")
    the_answer_is: Message("option")
    chosen_right: Message("option", "because")
    chosen_wrong: Message("option", "because")
    missed: Message("option", "because")
    sorted_right: Message("item", "category", "because")
    sorted_wrong: Message("item", "category", "chosen", "because")
    right_order: Words
    each_option: Words
    order_item: Message("item", "because")
    marks: QuizMarks
    moved: Message("item", "position", "count")
    summary_none: Message("total")
    summary_done: Message("points", "total", "percent")
    summary_partly: Message("answered", "total", "points", "percent")


class ProgressWords(Model):
    answered: Message("answered", "count")
    score: Message("points", "answered", "percent")
    no_score: Words
    not_started: Words
    started: Message("started", "count")
    none_started: Words
    cleared: Message("status")


DownloadFormatId = Literal["gift", "qti", "kahoot", "csv", "scorm"]


class DownloadFormat(Model):
    id: DownloadFormatId
    name: Words = Field(description="The format's name, e.g. 'Moodle (GIFT)'")
    how: Words = Field(description="How to import the file")
    conversion: Words = Field(description="What changes in this format")
    left_out: Words | None = Field(default=None, description="Which questions this format leaves out, and why")
    summary: Words | None = Field(default=None, description="For a package a platform runs as an activity rather"
                                                        " than a file of questions: what it does, above its own table")


class DownloadsWords(Model):
    all_quizzes: Words = Field(description="The row of the file holding every quiz")
    formats: list[DownloadFormat] = Field(description="One entry for each format, in the order of the columns")

    @model_validator(mode="after")
    def _every_format(self) -> DownloadsWords:
        want = typing.get_args(DownloadFormatId)
        if sorted(f.id for f in self.formats) != sorted(want):
            raise ValueError(f"list each format once: {', '.join(want)}")
        return self


class ScormWords(Model):
    """The words of a quiz packaged for a learning platform (SCORM 1.2)."""

    intro: Words = Field(description="Replaces the site's note that answers stay in the browser")
    connected: Words = Field(description="Shown once the quiz has reached the platform")
    alone: Words = Field(description="Shown when the package is opened outside a platform")
    pass_mark: Message("mark") = Field(description="The pass mark, e.g. 'To pass: 70% or more.'")
    from_site: Message("site") = Field(description="Where the questions come from, with a link to the site")


class CitationGroups(Model):
    """How a group of citations is introduced, by the kind of source (this site's own work is introduced
    by its section's label in sources.yml)."""

    article: Text
    textbook: Text
    practice: Text
    law: Text


class PresentWords(Model):
    """The words of the slides for a projector (a page's Present view) and of their speaker notes."""

    link: Words = Field(description="The link from a page to its slides")
    link_hint: Words = Field(description="The link's tooltip: what the slides are for")
    page_title: Message("title") = Field(description="The slides' window title")
    notes_title: Message("title") = Field(description="The speaker notes' window title")
    status: Message("number", "count", "title") = Field(description="Announced when a slide comes up")
    counter: Message("number", "count") = Field(description="The slide number in the controls")
    previous: Words
    next: Words
    notes: Words = Field(description="The button that opens the speaker notes in a second window")
    back: Words = Field(description="The link back to the page (the Escape key does the same)")
    keys: Words = Field(description="Which keys do what, shown on the first slide and in the notes")
    no_notes: Words
    next_up: Message("title") = Field(description="In the notes: the slide after this one")
    last_slide: Words = Field(description="In the notes, on the last slide")
    continued: Message("title") = Field(description="The heading of a slide that goes on from the one before")
    objectives: Words = Field(description="Heads the learning objectives")
    key_points: Words = Field(description="Heads the key points")
    question: Message("number", "count") = Field(description="Above a quiz question")
    answer_true: Words = Field(description="A true-or-false question's first option")
    answer_false: Words = Field(description="A true-or-false question's second option")
    reveal: Words = Field(description="Reveals a quiz question's answer on its options (the R key does too)")
    explain: Words = Field(description="Then shows why: the explanation in place of the options")
    hide: Words = Field(description="Then hides the answer again")
    right: Words = Field(description="Marks a right option once the answer is revealed")
    tally: Message("option") = Field(description="The field for the hands raised for an option")
    tally_more: Message("option")
    tally_fewer: Message("option")
    tally_clear: Words
    step_time: Message("start", "end", "minutes") = Field(description="A lesson step's place in the lesson")
    in_lesson: Message("lesson", "time", "step") = Field(description="In the notes: a lesson step that uses the page")
    open_slides: Message("title") = Field(description="A link to another page's slides")
    handoff: Words = Field(description="Heads a worked example's handoff")
    without: Words = Field(description="Heads what goes wrong in a worked example when one side is missing")
    without_marketing: Words = Field(description="A business with sales but no marketing")
    without_sales: Words = Field(description="A business with marketing but no sales")


class InterfaceFile(Model):
    owners: OwnerLabels
    citations: CitationGroups
    question_kinds: QuestionKinds
    charts: ChartWords
    simulator: SimulatorWords
    checkup: CheckupWords
    invest: InvestWords
    quiz: QuizWords
    progress: ProgressWords
    downloads: DownloadsWords
    scorm: ScormWords
    present: PresentWords


# Every data file, its model and its JSON Schema in data/schema/: loading, `make schema` and the tests
# read this one table. '<id>.yml' stands for a folder with one file per item.
DATA_FILES: dict[str, tuple[type[Model], str]] = {
    "sources.yml": (SourcesFile, "sources.schema.json"),
    "glossary.yml": (GlossaryFile, "glossary.schema.json"),
    "home.yml": (HomeFile, "home.schema.json"),
    "definitions.yml": (DefinitionsFile, "definitions.schema.json"),
    "comparison.yml": (ComparisonFile, "comparison.schema.json"),
    "processes.yml": (ProcessesFile, "processes.schema.json"),
    "tactics.yml": (TacticsFile, "tactics.schema.json"),
    "together.yml": (TogetherFile, "together.schema.json"),
    "disagreements.yml": (DisagreementsFile, "disagreements.schema.json"),
    "faq.yml": (FaqFile, "faq.schema.json"),
    "funnels.yml": (FunnelsFile, "funnels.schema.json"),
    "cases.yml": (CasesFile, "cases.schema.json"),
    "teaching.yml": (TeachingFile, "teaching.schema.json"),
    "tools.yml": (ToolsFile, "tools.schema.json"),
    "interface.yml": (InterfaceFile, "interface.schema.json"),
    "examples/<id>.yml": (ExampleFile, "example.schema.json"),
    "quizzes/<id>.yml": (QuizFile, "quiz.schema.json"),
}
