"""Pydantic models, one per kind of YAML file in data/.

Plain-text fields are escaped when rendered; fields typed `Markdown` are rendered
with Python-Markdown and then sanitised.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SourceIds = Annotated[list[Id], Field(min_length=1)]
Side = Literal["marketing", "sales"]
Owner = Literal["marketing", "sales", "both"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(Model):
    """An item that states facts from the source articles."""

    id: Id
    sources: SourceIds


# sources.yml
class Source(Model):
    id: Id
    title: Text
    short: Text = Field(description="Short name used in citations, e.g. 'Mezan' or 'Maker's Row'")
    publisher: Text
    seed_file: Text = Field(description="File name in shared/seeds/")
    summary: Text
    contributes: list[Text] = Field(min_length=1)


class SourcesFile(Model):
    sources: list[Source] = Field(min_length=1)


# glossary.yml
class Term(Model):
    id: Id
    term: Text
    also: list[Text] = Field(default_factory=list, description="Other forms linked to this term")
    definition: Text = Field(description="Plain text, one or two sentences: it is shown as a tooltip")
    sources: list[Id] = Field(default_factory=list, description="Empty for general knowledge")


class GlossaryFile(Model):
    terms: list[Term] = Field(min_length=30)


# home.yml
class PageLink(Model):
    page: Text = Field(description="A page in content/, e.g. definitions.md or funnel.md#simulator")
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
    after: Id = Field(description="The marketing step after which leads go to sales")
    before: Id = Field(description="The sales step that receives them")
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


class TogetherFile(Model):
    topics: list[Topic] = Field(min_length=1)


# disagreements.yml
class View(Model):
    position: Text
    held_by: SourceIds
    reasoning: Text


class Disagreement(Model):
    id: Id
    question: Text
    views: list[View] = Field(min_length=2)
    our_reading: Markdown


class DisagreementsFile(Model):
    disagreements: list[Disagreement] = Field(min_length=1)


# faq.yml
class Question(Model):
    id: Id
    question: Text
    answer: Markdown
    sources: list[Id] = Field(default_factory=list)


class FaqFile(Model):
    questions: list[Question] = Field(min_length=6)


FILE_MODELS: dict[str, type[Model]] = {
    "sources.yml": SourcesFile,
    "glossary.yml": GlossaryFile,
    "home.yml": HomeFile,
    "definitions.yml": DefinitionsFile,
    "comparison.yml": ComparisonFile,
    "processes.yml": ProcessesFile,
    "tactics.yml": TacticsFile,
    "together.yml": TogetherFile,
    "disagreements.yml": DisagreementsFile,
    "faq.yml": FaqFile,
}


# funnels.yml
class FunnelStage(Model):
    id: Id
    name: Text
    owner: Owner
    count: int = Field(gt=0, description="Illustrative number of people at this stage")
    what: Text = Field(description="What this stage is, in one sentence")
    steps: list[Id] = Field(default_factory=list, description="Ids of process steps (processes.yml) acting here")


class CustomerFunnel(Model):
    title: Text
    summary: Text
    stages: list[FunnelStage] = Field(min_length=3)
    sources: SourceIds


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
    name: Text
    owner: Owner
    rate_label: Text | None = Field(default=None, description="Label of the conversion into this stage (not the top)")


class Simulator(Model):
    currency: Text = Field(description="Symbol shown before money amounts, e.g. $")
    stages: list[SimulatorStage] = Field(min_length=3, description="The top (reach) first, customers last")
    default: Id = Field(description="Id of the worked example (data/examples/) the simulator starts from")
    max_reach: int = Field(gt=0, description="Largest reach a reader may enter")


class FunnelsFile(Model):
    customer_funnel: CustomerFunnel
    marketing_funnel: ConceptFunnel
    sales_funnel: ConceptFunnel
    simulator: Simulator


FILE_MODELS["funnels.yml"] = FunnelsFile


# examples/<id>.yml: one worked example per file
class Activity(Model):
    step: Id = Field(description="A step id from processes.yml, e.g. mkt-research or sales-closing")
    activity: Text = Field(description="What this business does at that step")


class DiscussionQuestion(Model):
    question: Text = Field(description="A question for a class or a reader")
    answer: Markdown = Field(description="A model answer for the teacher (Markdown)")


class ExampleMetrics(Model):
    marketing: list[Text] = Field(min_length=2, description="Numbers marketing watches in this business")
    sales: list[Text] = Field(min_length=2, description="Numbers sales watches in this business")


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
    handoff: Markdown = Field(description="When a lead is ready for sales, and what passes between them (Markdown)")
    funnel: ExampleFunnelCounts = Field(description="An illustrative funnel: drawn on the page, used by the simulator")
    metrics: ExampleMetrics = Field(description="What each team watches")
    without: WithoutOne = Field(description="What goes wrong when either side is missing")
    questions: list[DiscussionQuestion] = Field(min_length=3, description="Three or more, each with a model answer")
    sources: SourceIds = Field(description="Ids from data/sources.yml of the articles this example draws on")


# cases.yml
class Case(Model):
    id: Id
    title: Text
    account: Markdown = Field(description="What the source reports, in our words")
    lesson: Text
    sources: SourceIds


class CasesFile(Model):
    cases: list[Case] = Field(min_length=1)


FILE_MODELS["cases.yml"] = CasesFile


# quizzes/<id>.yml: one quiz per file
class Choice(Model):
    text: Text = Field(description="The option as the learner sees it")
    kahoot_text: Annotated[Text, StringConstraints(max_length=75)] | None = Field(
        default=None, description="A shorter wording for Kahoot, which allows 75 characters; only if text is longer")
    correct: bool = Field(default=False, description="true for a right option")
    feedback: Text = Field(description="Why this option is right or wrong")


class ClassifyItem(Model):
    text: Text = Field(description="The item to sort, e.g. 'Running a social media campaign'")
    answer: Owner = Field(description="marketing, sales or both")
    feedback: Text = Field(description="Why it belongs there")


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
    sources: SourceIds = Field(description="Ids from data/sources.yml the explanation rests on")


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
QUESTION_KINDS = {
    "single": "Single choice",
    "multiple": "Multiple select",
    "true_false": "True or false",
    "classify": "Classify",
    "order": "Put in order",
}


class QuizFile(Model):
    id: Id = Field(description="Must match the file name: quizzes/<id>.yml")
    title: Text = Field(description="e.g. 'Definitions'")
    order: int = Field(ge=0, description="Position in the list of quizzes (smallest first)")
    page: Text = Field(description="The page the quiz sits on, e.g. definitions.md or examples/restaurant.md")
    summary: Text = Field(description="One sentence: what the quiz checks")
    questions: list[QuizQuestion] = Field(min_length=3)


# teaching.yml: objectives and key points for each Learn page, lesson plans and their worksheets
class PageTeaching(Model):
    page: Text = Field(description="A Learn page, e.g. definitions.md")
    objectives: list[Text] = Field(min_length=2, max_length=5,
                                   description="What a reader can do after the page; each starts with a verb")
    key_points: list[Text] = Field(min_length=2, max_length=5, description="The points to remember, one sentence each")


class LessonStep(Model):
    minutes: int = Field(gt=0, le=60)
    title: Text = Field(description="e.g. 'Sorting-cards game'")
    activity: Markdown = Field(description="What the teacher and the students do (Markdown)")
    pages: list[Text] = Field(default_factory=list, description="Site pages the step uses, e.g. funnel.md#simulator")


class QuizRef(Model):
    quiz: Id = Field(description="A quiz id (data/quizzes/<id>.yml)")
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


class TeachingFile(Model):
    pages: list[PageTeaching] = Field(min_length=1)
    lessons: list[Lesson] = Field(min_length=1)


FILE_MODELS["teaching.yml"] = TeachingFile


# tools.yml: the founders' funnel check-up and "where to invest first"
class ToolAction(Model):
    text: Text = Field(description="What to do and why, one or two sentences")
    link: Text = Field(description="The page (and section) that explains it, e.g. processes.md#sales-approach")
    label: Text = Field(description="The link's text")
    sources: SourceIds


class Checkup(Model):
    actions: dict[Id, Annotated[list[ToolAction], Field(min_length=3, max_length=3)]] = Field(
        description="For each simulator stage after the top (by id): three actions, most relevant first")


class InvestOption(Model):
    id: Id
    label: Text
    marketing: int = Field(ge=0, le=2, description="Points toward investing in marketing first")
    sales: int = Field(ge=0, le=2, description="Points toward investing in sales first")
    reason: Text = Field(description="Why this answer tilts the balance, or why it does not")
    link: Text = Field(description="The page the reason rests on, e.g. faq.md#invest-first")
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


FILE_MODELS["tools.yml"] = ToolsFile
