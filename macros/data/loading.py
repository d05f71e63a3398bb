"""Read every YAML file in data/ once, validate it and check cross-references.

Every problem is reported as `data/<file>.yml:<line>:<col>: <path>: <message>`,
with the line and column of the YAML node the problem is about.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
import yaml

from macros.data import models
from macros.paths import example_page, lesson_pages

YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
ID_HINT = "lowercase words and digits joined by hyphens, e.g. lead-handoff"
CITE_HINT = "a source id and one of its sections joined by '/', e.g. mezan/comparison-table"
EXAMPLES = "examples"
QUIZZES = "quizzes"
ONE_FILE_EACH = "/<id>.yml"
FILES = {name: model for name, (model, _) in models.DATA_FILES.items() if not name.endswith(ONE_FILE_EACH)}
FOLDERS = {name.removesuffix(ONE_FILE_EACH): model for name, (model, _) in models.DATA_FILES.items()
           if name.endswith(ONE_FILE_EACH)}
MD_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, with its place in a file."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.path}: {self.message}"


class DataError(Exception):
    """The data has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class SimStage:
    """A simulator stage with the owner of the customer funnel stage it counts."""

    id: str
    name: str
    hint: str
    rate_label: str | None
    stage: str
    owner: str


@dataclass(frozen=True)
class SiteData:
    """All validated data of the site."""

    sources: models.SourcesFile
    glossary: models.GlossaryFile
    home: models.HomeFile
    definitions: models.DefinitionsFile
    comparison: models.ComparisonFile
    processes: models.ProcessesFile
    tactics: models.TacticsFile
    together: models.TogetherFile
    disagreements: models.DisagreementsFile
    faq: models.FaqFile
    funnels: models.FunnelsFile
    cases: models.CasesFile
    teaching: models.TeachingFile
    tools: models.ToolsFile
    interface: models.InterfaceFile
    examples: tuple[models.ExampleFile, ...]
    quizzes: tuple[models.QuizFile, ...]
    page_titles: dict[str, str] = field(default_factory=dict)

    def example(self, example_id: str) -> models.ExampleFile:
        return _by_id(self.examples, example_id, "worked example", "data/examples/")

    def quiz(self, quiz_id: str) -> models.QuizFile:
        return _by_id(self.quizzes, quiz_id, "quiz", "data/quizzes/")

    def lesson(self, lesson_id: str) -> models.Lesson:
        return _by_id(self.teaching.lessons, lesson_id, "lesson", "data/teaching.yml")

    def page_teaching(self, page: str) -> models.PageTeaching | None:
        return next((p for p in self.teaching.pages if p.page == page), None)

    def source(self, source_id: str) -> models.Source:
        return next(s for s in self.sources.sources if s.id == source_id)

    def cite(self, ref: str) -> tuple[models.Source, models.Section]:
        """'mezan/comparison-table' -> the source and the section cited."""
        source_id, _, section_id = ref.partition("/")
        source = self.source(source_id)
        return source, source.section(section_id)

    def stage(self, stage_id: str) -> models.FunnelStage:
        return _by_id(self.funnels.customer_funnel.stages, stage_id, "customer funnel stage", "data/funnels.yml")

    def owner(self, stage_id: str) -> str:
        """Who owns a customer funnel stage: stated once, in data/funnels.yml."""
        return self.stage(stage_id).owner

    def sim_stages(self) -> list[SimStage]:
        """The simulator's stages, each with the owner of the customer funnel stage it counts."""
        return [SimStage(s.id, s.name, s.hint, s.rate_label, s.stage, self.owner(s.stage))
                for s in self.funnels.simulator.stages]

    def handoff_gates(self) -> tuple[models.FunnelStage, models.FunnelStage]:
        """The last marketing stage and the first sales stage of the customer funnel: the two gates of the handoff."""
        stages = self.funnels.customer_funnel.stages
        first = next(i for i, s in enumerate(stages) if s.owner == "sales")
        return stages[first - 1], stages[first]

    def term(self, term_id: str) -> models.Term:
        return _by_id(self.glossary.terms, term_id, "glossary term", "data/glossary.yml")

    def metric(self, metric_id: str) -> models.Metric:
        return _by_id(self.tactics.metrics, metric_id, "metric", "data/tactics.yml")

    def process(self, process_id: str) -> models.Process:
        return next(p for p in self.processes.processes if p.id == process_id)


def _by_id(items, item_id: str, what: str, where: str):
    found = next((item for item in items if item.id == item_id), None)
    if found is None:
        raise ValueError(f"no {what} {item_id!r} in {where}")
    return found


def format_loc(loc: Loc) -> str:
    """('steps', 2, 'title') -> 'steps[2].title'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


@dataclass
class _Marks:
    """Where each value (and each mapping key) of one file starts."""

    values: dict[Loc, yaml.Mark] = field(default_factory=dict)
    keys: dict[Loc, yaml.Mark] = field(default_factory=dict)
    booleans: dict[Loc, str] = field(default_factory=dict)

    def nearest(self, loc: Loc) -> tuple[Loc, yaml.Mark]:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.values:
                return loc[:end], self.values[loc[:end]]
        raise KeyError(loc)


# libyaml's parser when PyYAML has it (several times faster), with the same nodes and marks.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Reader:
    """Turns one YAML file into plain Python values, remembering marks."""

    def __init__(self, rel: str, text: str):
        self.rel = rel
        self.loader = _YamlLoader(text)
        self.marks = _Marks()
        self.problems: list[Problem] = []

    def read(self) -> object:
        try:
            node = self.loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            what = err.problem or "invalid YAML"
            if err.context:
                what = f"{what} ({err.context})"
            self._problem(mark, "YAML syntax", what)
            return None
        finally:
            self.loader.dispose()
        if node is None:
            self._problem(None, "(top)", "the file is empty")
            return None
        return self._value(node, ())

    def _problem(self, mark: yaml.Mark | None, path: str, message: str) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.problems.append(Problem(self.rel, line, col, path, message))

    def _value(self, node: yaml.Node, loc: Loc) -> object:
        self.marks.values[loc] = node.start_mark
        if isinstance(node, yaml.MappingNode):
            out: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node)
                if not isinstance(key, str):
                    self._problem(key_node.start_mark, format_loc(loc), f"key {key!r} should be a word; quote it")
                    continue
                if key in out:
                    self._problem(key_node.start_mark, format_loc((*loc, key)), "this key appears twice")
                    continue
                self.marks.keys[(*loc, key)] = key_node.start_mark
                out[key] = self._value(value_node, (*loc, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self._value(item, (*loc, i)) for i, item in enumerate(node.value)]
        value = self.loader.construct_object(node)
        if isinstance(value, bool) and node.value.lower() in YAML11_BOOLEANS:
            self.marks.booleans[loc] = node.value
        return value


def _annotation_at(model: type, loc: Loc) -> object:
    """The type that the model expects at loc (best effort, for messages)."""
    current: object = model
    for part in loc:
        current = _unwrap(current)
        if typing.get_origin(current) in (typing.Union, type(int | None)) and isinstance(part, str):
            current = next((m for m in typing.get_args(current) if _kind_tag(m) == part), object)
            continue
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else object
        elif isinstance(current, type) and issubclass(current, pydantic.BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else object
        else:
            return object
    return _unwrap(current)


def _kind_tag(model: object) -> str | None:
    """The `kind` a tagged-union member stands for, e.g. 'single' for SingleChoice."""
    info = model.model_fields.get("kind") if isinstance(model, type) and issubclass(model, pydantic.BaseModel) else None
    args = typing.get_args(info.annotation) if info else ()
    return args[0] if args else None


def _untagged(loc: Loc, raw: object) -> Loc:
    """Drop the tag pydantic puts in a tagged union's error locations: questions.0.single.x -> questions.0.x."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(raw, dict) and part not in raw and raw.get("kind") == part:
            continue
        out.append(part)
        raw = raw[part] if isinstance(raw, (dict, list)) and _has(raw, part) else None
    return tuple(out)


def _has(raw: dict | list, part: str | int) -> bool:
    return part in raw if isinstance(raw, dict) else isinstance(part, int) and 0 <= part < len(raw)


def _unwrap(annotation: object) -> object:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, type(int | None)) and len(args) == 1:
        return _unwrap(args[0])
    return annotation


def _message(err: dict, model: type, tagged: Loc, loc: Loc, marks: _Marks) -> str:
    """A teacher-readable message; `tagged` is pydantic's location, `loc` the one in the file."""
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        parent = _annotation_at(model, tagged[:-1])
        allowed = ", ".join(parent.model_fields) if isinstance(parent, type) else ""
        return f"unknown field; allowed here: {allowed}"
    if kind == "string_type" and loc in marks.booleans:
        raw = marks.booleans[loc]
        return f"expected text, got the YAML boolean {raw}; quote it: '{raw}'"
    if kind == "union_tag_invalid":
        return f"unknown kind {err['input'].get('kind')!r}; use one of: {err['ctx']['expected_tags']}"
    if kind == "union_tag_not_found":
        return f"required field 'kind' is missing; use one of: {', '.join(models.QUESTION_KINDS)}"
    if kind == "value_error":
        return err["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        hint = CITE_HINT if "/" in err["ctx"]["pattern"] else ID_HINT
        return f"{err['input']!r} should be {hint}"
    message = err["msg"]
    message = message[0].lower() + message[1:]
    message = message.replace("input should be", "should be")
    if kind.endswith("_type") or kind in ("literal_error", "enum", "bool_parsing"):
        message += f", got {err['input']!r}" if not isinstance(err["input"], (dict, list)) else ""
    return message


def _validate(rel: str, model: type[models.Model], raw: object, marks: _Marks) -> tuple[object, list[Problem]]:
    try:
        return model.model_validate(raw), []
    except pydantic.ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            tagged = tuple(err["loc"])
            loc = _untagged(tagged, raw)
            if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                loc = (*loc, "kind")
            if err["type"] == "extra_forbidden" and loc in marks.keys:
                mark = marks.keys[loc]
            else:
                _, mark = marks.nearest(loc)
            message = _message(err, model, tagged, loc, marks)
            problems.append(Problem(rel, mark.line + 1, mark.column + 1, format_loc(loc), message))
        return None, problems


def _walk(value: object, loc: Loc = ()) -> typing.Iterator[tuple[Loc, object]]:
    """Every model and list inside a validated file, with its location."""
    yield loc, value
    if isinstance(value, pydantic.BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i))


def _refers(annotation: object, metadata: typing.Iterable[object] = ()) -> str | None:
    """The Refers mark of a field's type, looking inside Optional and list."""
    for meta in (*metadata, *getattr(annotation, "__metadata__", ())):
        if isinstance(meta, models.Refers):
            return meta.kind
    for arg in typing.get_args(annotation):
        kind = _refers(arg)
        if kind:
            return kind
    return None


def _marked_text(value: object, loc: Loc = (), kind: str | None = None) -> typing.Iterator[tuple[Loc, str, str]]:
    """(location, text, kind) for every string in a validated file; kind is its type's Refers mark, or
    'text' for plain text and ids."""
    if isinstance(value, str):
        yield loc, value, kind or "text"
    elif isinstance(value, pydantic.BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _marked_text(getattr(value, name), (*loc, name), _refers(info.annotation, info.metadata))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _marked_text(item, (*loc, i), kind)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _marked_text(item, (*loc, key), kind)


def _cross_check(files: dict[str, object], marks: dict[str, _Marks], pages: set[str] | None) -> list[Problem]:
    problems: list[Problem] = []

    def problem(name: str, loc: Loc, message: str) -> None:
        _, mark = marks[name].nearest(loc)
        problems.append(Problem(f"data/{name}", mark.line + 1, mark.column + 1, format_loc(loc), message))

    for name, data in files.items():
        seen: dict[tuple[Loc, str], Loc] = {}
        for loc, value in _walk(data):
            if isinstance(value, pydantic.BaseModel) and "id" in type(value).model_fields:
                scope = loc[:-2] if isinstance(value, models.Section) else ()  # a section id is unique in its source
                key = (scope, value.id)
                if key in seen:
                    first = marks[name].nearest((*seen[key], "id"))[1]
                    problem(name, (*loc, "id"), f"duplicate id '{value.id}' (first used at line {first.line + 1})")
                else:
                    seen[key] = loc

    if "processes.yml" in files:
        procs = {p.id: {s.id for s in p.steps} for p in files["processes.yml"].processes}
        handoff = files["processes.yml"].handoff
        for key, side in (("after", "marketing"), ("before", "sales")):
            ref = getattr(handoff, key)
            if ref in set().union(*procs.values()) and ref not in procs.get(side, set()):  # unknown ids: by type
                problem("processes.yml", ("handoff", key), f"'{ref}' is not a step of the {side} process")

    if "funnels.yml" in files:
        _check_funnels(files, problem)
    _check_references(files, pages, problem)
    if "teaching.yml" in files:
        _check_teaching(files, problem)
    if "tools.yml" in files and "funnels.yml" in files:
        want = [s.id for s in files["funnels.yml"].simulator.stages[1:]]
        if list(files["tools.yml"].checkup.actions) != want:
            problem("tools.yml", ("checkup", "actions"),
                    f"should list actions for the simulator's stages after the top, in order: {', '.join(want)}")
    for name, value in files.items():
        if name.startswith(f"{EXAMPLES}/"):
            _check_example(name, value, files, problem)
        if name.startswith(f"{QUIZZES}/"):
            _check_file_name(name, value, problem)

    if "glossary.yml" in files:
        forms: dict[str, str] = {}
        for i, term in enumerate(files["glossary.yml"].terms):
            for form in (term.term, *term.also):
                if form.lower() in forms and forms[form.lower()] != term.id:
                    problem("glossary.yml", ("terms", i), f"'{form}' is also a form of '{forms[form.lower()]}'")
                forms[form.lower()] = term.id
    return problems


def citation_problem(sources: dict[str, models.Source], ref: str) -> str | None:
    """What is wrong with a citation 'source/section', or None."""
    source_id, _, section_id = ref.partition("/")
    source = sources.get(source_id)
    if source is None:
        return f"unknown source '{source_id}'; known sources: {', '.join(sorted(sources))}"
    if source.section(section_id) is None:
        known = ", ".join(s.id for s in source.sections)
        return f"'{source_id}' has no section '{section_id}'; its sections: {known}"
    return None


def _page_targets(kind: str, text: str) -> list[str]:
    """The pages a field links to: a page reference itself, or the .md links in Markdown."""
    if kind == "page":
        return [text]
    return [t for t in MD_LINK.findall(text) if ".md" in t and "://" not in t]


def page_titles(content_dir: Path) -> dict[str, str]:
    """Each Markdown page's title: its first '# ' heading."""
    titles = {}
    for path in content_dir.rglob("*.md"):
        heading = next((line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines()
                        if line.startswith("# ")), None)
        if heading:
            titles[path.relative_to(content_dir).as_posix()] = heading
    return titles


def content_pages(content_dir: Path) -> set[str]:
    """Markdown pages of the site, as paths relative to content/."""
    return {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*.md")}


def _load_file(rel: str, path: Path, model: type[models.Model]) -> tuple[object, _Marks, list[Problem]]:
    reader = _Reader(rel, path.read_text(encoding="utf-8"))
    raw = reader.read()
    if reader.problems:
        return None, reader.marks, reader.problems
    validated, problems = _validate(rel, model, raw, reader.marks)
    return validated, reader.marks, problems


def load_data(data_dir: Path, content_dir: Path | None = None) -> SiteData:
    """Load and check all of data/; raise DataError listing every problem."""
    problems: list[Problem] = []
    files: dict[str, object] = {}
    marks: dict[str, _Marks] = {}
    wanted = {name: (data_dir / name, model) for name, model in FILES.items()}
    for folder, model in FOLDERS.items():
        for path in sorted((data_dir / folder).glob("*.y*ml")):
            wanted[f"{folder}/{path.name}"] = (path, model)
    for name, (path, model) in wanted.items():
        if not path.is_file():
            problems.append(Problem(f"data/{name}", 1, 1, "(file)", "file is missing"))
            continue
        validated, file_marks, found = _load_file(f"data/{name}", path, model)
        problems += found
        if validated is not None:
            files[name] = validated
            marks[name] = file_marks
    for path in sorted(data_dir.glob("*.y*ml")):
        if path.name not in FILES:
            known = ", ".join(FILES)
            problems.append(Problem(f"data/{path.name}", 1, 1, "(file)", f"unknown data file; expected one of {known}"))
    examples = [v for k, v in files.items() if k.startswith(f"{EXAMPLES}/")]
    quizzes = [v for k, v in files.items() if k.startswith(f"{QUIZZES}/")]
    for folder, what in ((EXAMPLES, "worked example"), (QUIZZES, "quiz")):
        if not any(p.is_file() for p in (data_dir / folder).glob("*.y*ml")):
            problems.append(Problem(f"data/{folder}/", 1, 1, "(folder)", f"there must be at least one {what}"))
    pages = None
    if content_dir:
        lessons = files["teaching.yml"].lessons if "teaching.yml" in files else []
        pages = (content_pages(content_dir) | {example_page(e.id) for e in examples}
                 | {page for lesson in lessons for page in lesson_pages(lesson.id)})
    problems += _cross_check(files, marks, pages)
    if problems:
        raise DataError(problems)
    stage_owners = {s.id: s.owner for s in files["funnels.yml"].customer_funnel.stages}
    metric_owners = {m.id: m.owner for m in files["tactics.yml"].metrics}
    quizzes = [_resolve_quiz(q, stage_owners, metric_owners) for q in quizzes]
    top = {name.removesuffix(".yml"): value for name, value in files.items() if "/" not in name}
    titles = {**page_titles(content_dir), **{example_page(e.id): e.business for e in examples}} if content_dir else {}
    return SiteData(**top, examples=tuple(sorted(examples, key=lambda e: (e.order, e.id))),
                    quizzes=tuple(sorted(quizzes, key=lambda q: (q.order, q.id))), page_titles=titles)


def _check_funnels(files: dict[str, object], problem: typing.Callable[[str, Loc, str], None]) -> None:
    """Counts shrink down each funnel; stage and step references exist."""
    funnels: models.FunnelsFile = files["funnels.yml"]
    name = "funnels.yml"
    stages = funnels.customer_funnel.stages
    for i, stage in enumerate(stages):
        if i and stage.count > stages[i - 1].count:
            problem(name, ("customer_funnel", "stages", i, "count"),
                    f"{stage.count} is more than the {stages[i - 1].count} at the stage before; a funnel only narrows")
    for i, stage in enumerate(funnels.simulator.stages):
        if bool(i) != bool(stage.rate_label):
            what = "the top stage has no rate_label" if not i else "every stage after the top needs a rate_label"
            problem(name, ("simulator", "stages", i), what)


def _check_file_name(name: str, value: models.ExampleFile | models.QuizFile,
                     problem: typing.Callable[[str, Loc, str], None]) -> None:
    stem = name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    if value.id != stem:
        problem(name, ("id",), f"'{value.id}' should match the file name '{stem}'")


def _check_example(name: str, example: models.ExampleFile, files: dict[str, object],
                   problem: typing.Callable[[str, Loc, str], None]) -> None:
    """The file name matches the id; steps follow the processes; the funnel fits the simulator."""
    _check_file_name(name, example, problem)
    if "processes.yml" in files:
        for side in ("marketing", "sales"):
            want = [s.id for p in files["processes.yml"].processes if p.id == side for s in p.steps]
            got = [a.step for a in getattr(example, side)]
            if got != want:
                problem(name, (side,), f"should have one activity for each {side} step, in order: {', '.join(want)}")
    if "funnels.yml" in files:
        sim_ids = [s.id for s in files["funnels.yml"].simulator.stages]
        loc = ("funnel", "counts")
        if list(example.funnel.counts) != sim_ids:
            problem(name, loc, f"should give the simulator's stages in order: {', '.join(sim_ids)}")
            return
        counts = list(example.funnel.counts.values())
        for k in range(1, len(counts)):
            if counts[k] > counts[k - 1]:
                problem(name, (*loc, sim_ids[k]),
                        f"{counts[k]} is more than the {counts[k - 1]} {sim_ids[k - 1]}; a funnel only narrows")


# What each kind of id must be, for the messages.
REFERENCE_KINDS = {"stage": "a customer funnel stage", "metric": "a metric in tactics.yml",
                   "term": "a glossary term", "step": "a step in processes.yml", "quiz": "a quiz in data/quizzes/",
                   "example": "a worked example in data/examples/"}


def _known_ids(files: dict[str, object]) -> dict[str, set[str] | None]:
    """The ids each kind of reference may take (None: its file did not load, so it cannot be checked)."""
    def ids(name: str, items) -> set[str] | None:
        return {item.id for item in items(files[name])} if name in files else None

    return {
        "stage": ids("funnels.yml", lambda f: f.customer_funnel.stages),
        "metric": ids("tactics.yml", lambda f: f.metrics),
        "term": ids("glossary.yml", lambda f: f.terms),
        "step": ids("processes.yml", lambda f: [s for p in f.processes for s in p.steps]),
        "quiz": {v.id for k, v in files.items() if k.startswith(f"{QUIZZES}/")},
        "example": {v.id for k, v in files.items() if k.startswith(f"{EXAMPLES}/")},
    }


def _check_references(files: dict[str, object], pages: set[str] | None,
                      problem: typing.Callable[[str, Loc, str], None]) -> None:
    """Every reference, found by its type wherever it is: citations, page links, and ids of stages,
    metrics, terms, steps, quizzes and examples."""
    sources = {s.id: s for s in files["sources.yml"].sources} if "sources.yml" in files else None
    known = _known_ids(files)
    for name, data in files.items():
        for loc, text, kind in _marked_text(data):
            if kind == "citation":
                message = citation_problem(sources, text) if sources is not None else None
                if message:
                    problem(name, loc, message)
            elif kind in ("page", "markdown"):
                for target in _page_targets(kind, text) if pages is not None else ():
                    if target.split("#")[0] not in pages:
                        problem(name, loc, f"links to '{target}', but content/ has no such page")
            elif kind == "text":
                for target in _page_targets("markdown", text):
                    problem(name, loc, f"links to '{target}', but this field is plain text and shows the link as "
                                       "typed; link from a Markdown field instead")
            elif known[kind] is not None and text not in known[kind]:
                problem(name, loc, f"'{text}' is not {REFERENCE_KINDS[kind]}; known: {', '.join(sorted(known[kind]))}")
    if "funnels.yml" in files:
        funnel = files["funnels.yml"].customer_funnel.stages
        stages = [s.id for s in funnel]
        owners = [s.owner for s in funnel]
        first_sales = owners.index("sales") if "sales" in owners else 0
        if first_sales == 0 or owners[first_sales - 1] != "marketing":
            problem("funnels.yml", ("customer_funnel", "stages"),
                    "the handoff needs a marketing stage directly before the first sales stage")
        last = -1
        for i, sim in enumerate(files["funnels.yml"].simulator.stages):
            if sim.stage in stages:
                if stages.index(sim.stage) <= last:
                    problem("funnels.yml", ("simulator", "stages", i, "stage"),
                            "the simulator's stages must follow the customer funnel's order")
                last = stages.index(sim.stage)


def _resolve_quiz(quiz: models.QuizFile, stage_owners: dict[str, str], metric_owners: dict[str, str]):
    """Fill in each sorting item's answer from the stage or metric it names."""
    def item(it):
        if not isinstance(it, models.ClassifyItem) or it.answer is not None:
            return it
        owner = stage_owners[it.stage] if it.stage else metric_owners[it.metric]
        return it.model_copy(update={"answer": owner})

    questions = [q.model_copy(update={"items": [item(i) for i in q.items]}) if isinstance(q, models.Classify) else q
                 for q in quiz.questions]
    return quiz.model_copy(update={"questions": questions})


def _check_teaching(files: dict[str, object], problem: typing.Callable[[str, Loc, str], None]) -> None:
    """Each lesson's steps fill its time; worksheet questions exist in the quizzes."""
    quizzes = {v.id: {q.id for q in v.questions} for k, v in files.items() if k.startswith(f"{QUIZZES}/")}
    for i, lesson in enumerate(files["teaching.yml"].lessons):
        total = sum(step.minutes for step in lesson.steps)
        if total != lesson.minutes:
            problem("teaching.yml", ("lessons", i, "steps"),
                    f"the steps add up to {total} minutes, not {lesson.minutes}")
        for j, question in enumerate(lesson.worksheet.questions):
            if isinstance(question, models.QuizRef):
                loc = ("lessons", i, "worksheet", "questions", j)
                if question.quiz in quizzes and question.question not in quizzes[question.quiz]:
                    problem("teaching.yml", (*loc, "question"),
                            f"quiz '{question.quiz}' has no question '{question.question}'")
