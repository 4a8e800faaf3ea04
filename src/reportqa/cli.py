"""Command line: `reportqa ingest | ask | check | eval | serve`. Thin: `ask` and `check` go through ReportService,
as the API and the UI do; the others call one stage's entry point."""

import importlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import click

from reportqa.config import Settings, get_settings

if TYPE_CHECKING:
    from reportqa.service import ReportService
from reportqa.errors import ReportQAError

LANGUAGES = click.Choice(["auto", "fr", "nl", "en", "de"])
docs_option = click.option("--docs", "docs_dir", type=click.Path(path_type=Path), help="Source documents folder.")
index_option = click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder.")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[str, float], None]]:
    from tqdm import tqdm  # only when an index is built: `ask` on an existing index does not pay for it

    bar = tqdm(total=100, file=sys.stderr, disable=not enabled, bar_format="{l_bar}{bar}| {desc}")

    def update(message: str, fraction: float) -> None:
        bar.set_description_str(message)
        bar.n = int(fraction * 100)
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def _settings(**overrides: object) -> Settings:
    try:
        return get_settings(**overrides)
    except Exception as error:
        raise click.ClickException(f"Invalid configuration: {error}") from None


def _ready_service(settings: Settings) -> "ReportService":
    """The product as the API and the UI run it, its index opened (built first, with a progress bar on a terminal,
    when it is missing or stale)."""
    from reportqa.service import ReportService

    service = ReportService(settings)
    with _progress_bar(sys.stderr.isatty()) as progress:
        service.open(progress)
    return service


def _asked(text: str, settings: Settings) -> str:
    """The question or claim as `inputs` checks it for every surface; a refusal is a usage error."""
    from reportqa.inputs import Refused, asked

    try:
        return asked(text, settings)
    except Refused as error:
        raise click.UsageError(str(error)) from None


@click.group()
def main() -> None:
    """Cited answers from a published report, in the asker's language."""


@main.command()
@docs_option
@index_option
def ingest(docs_dir: Path | None, index_dir: Path | None) -> None:
    """Build or update the index from the documents folder."""
    from reportqa.index import build_index

    settings = _settings(docs_dir=docs_dir, index_dir=index_dir)
    try:
        with _progress_bar(sys.stderr.isatty()) as progress:
            manifest = build_index(settings, progress)
    except ReportQAError as error:
        raise click.ClickException(str(error)) from None
    for problem in manifest.errors:
        click.echo(f"skipped: {problem}", err=True)
    for document in manifest.documents:
        for note in document.notes:
            click.echo(f"note: {document.file}: {note}", err=True)
    if not manifest.documents:
        click.echo(f"No readable PDF or Markdown document in {settings.docs_dir}.", err=True)
    click.echo(
        f"{len(manifest.documents)} documents, {manifest.pages} pages, {manifest.chunks} chunks "
        f"({manifest.embedded} embedded, {manifest.chunks - manifest.embedded} reused), "
        f"{manifest.tables} tables, {manifest.seconds:.1f} s"
    )


@main.command()
@click.argument("question")
@docs_option
@index_option
@click.option("--lang", "language", type=LANGUAGES, default="auto", show_default=True)
@click.option(
    "--after",
    "history",
    multiple=True,
    help="An earlier question of the conversation, oldest first (repeatable): QUESTION may be a follow-up.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def ask(
    question: str,
    docs_dir: Path | None,
    index_dir: Path | None,
    language: str,
    history: tuple[str, ...],
    as_json: bool,
) -> None:
    """Answer QUESTION from the report, with citations (written by the chat model set by REPORTQA_LLM, if any)."""
    settings = _settings(docs_dir=docs_dir, index_dir=index_dir)
    question = _asked(question, settings)
    try:
        service = _ready_service(settings)
        chosen = None if language == "auto" else language
        answer = service.ask(question, chosen, list(history))  # type: ignore[arg-type]
    except ReportQAError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    click.echo(answer.answer)
    if answer.notice:
        click.echo(f"({answer.notice})")
    for citation in answer.citations or answer.see_also:
        click.echo(f"[{citation.n}] {citation.place}")


@main.command()
@click.argument("claim")
@docs_option
@index_option
@click.option("--lang", "language", type=LANGUAGES, default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def check(claim: str, docs_dir: Path | None, index_dir: Path | None, language: str, as_json: bool) -> None:
    """Check CLAIM ("En 2023, le service a mené près de 4 000 entretiens") against the report's figures."""
    settings = _settings(docs_dir=docs_dir, index_dir=index_dir)
    claim = _asked(claim, settings)
    try:
        service = _ready_service(settings)
        result = service.check(claim, None if language == "auto" else language)  # type: ignore[arg-type]
    except ReportQAError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    click.echo(f"{result.verdict}: {result.explanation}")
    for citation in result.evidence:
        click.echo(f"[{citation.n}] {citation.quote} ({citation.place})")


EVALUATION_MISSING = (
    "`reportqa eval` needs the evaluation package (reportqa_eval), which is not installed here; "
    'from a clone of the repository: pip install -e ".[test]"'
)


def _evaluation(name: str) -> ModuleType:
    """A module of the evaluation package, imported only by `reportqa eval`: the app never loads it."""
    try:
        return importlib.import_module(f"reportqa_eval.{name}")
    except ModuleNotFoundError as error:
        if error.name not in ("reportqa_eval", f"reportqa_eval.{name}"):
            raise
        raise click.ClickException(EVALUATION_MISSING) from None


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=Path("eval/gold.jsonl"),
    show_default=True,
)
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path), default=Path("samples/report"), show_default=True)
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    help="Use (and update) this index; by default a fresh one is built in a temporary folder.",
)
@click.option(
    "--claims",
    "claims_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("eval/claims.jsonl"),
    show_default=True,
    help="Claims to check (skipped if absent).",
)
@click.option(
    "--llm",
    "use_llm",
    is_flag=True,
    help="Answer with the chat model set by REPORTQA_LLM (and report guard failures); default: extractive.",
)
@click.option("--kind", "kinds", multiple=True, help="Only questions of this kind (repeatable), e.g. follow_up.")
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    help="Only this split of the gold set (calibrate and tune on dev; test is for reporting).",
)
@click.option(
    "--layout",
    "layouts",
    multiple=True,
    help="Report layouts instead: 'all', 'sample', or a folder name under samples/layouts (repeatable); one row "
    "each with cell and section recall read against its figures record, and the gold set answered over it.",
)
@click.option(
    "--bench",
    is_flag=True,
    help="The bench instead: every report under samples/bench (generated, then real/), each indexed alone; per report, "
    "split and question kind: answer, citation, refusal, false refusal, wrong figure, claims.",
)
@click.option("--report", "bench_reports", multiple=True, help="With --bench: only this report (repeatable).")
@click.option(
    "--bench-split",
    "bench_splits",
    multiple=True,
    type=click.Choice(["test", "real", "calibration"]),
    help="With --bench: only the reports of this split (repeatable).",
)
@click.option("--limit", type=int, help="With --bench: only the first N questions of each report.")
@click.option("--markdown", is_flag=True, help="With --bench: Markdown tables (for docs/benchmarks.md).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def evaluate(
    gold_path: Path,
    docs_dir: Path,
    index_dir: Path | None,
    claims_path: Path,
    use_llm: bool,
    kinds: tuple[str, ...],
    split: str | None,
    layouts: tuple[str, ...],
    bench: bool,
    bench_reports: tuple[str, ...],
    bench_splits: tuple[str, ...],
    limit: int | None,
    markdown: bool,
    as_json: bool,
) -> None:
    """Run the gold set through the same path as `ask`; report retrieval, answers, latency, index build."""
    from reportqa.answer.llm import chat_model

    gold = _evaluation("evaluate")
    settings = _settings(docs_dir=docs_dir)
    if bench:
        bench_runs = _evaluation("bench")
        try:
            with _progress_bar(sys.stderr.isatty()) as progress:
                results = bench_runs.run_bench(
                    settings, reports=bench_reports, splits=bench_splits, limit=limit, progress=progress
                )
        except ReportQAError as error:
            raise click.ClickException(str(error)) from None
        shown = bench_runs.markdown_bench(results) if markdown else bench_runs.format_bench(results)
        click.echo(json.dumps(results, ensure_ascii=False) if as_json else shown)
        return
    if layouts:
        layout_runs = _evaluation("layouts")
        names = layout_runs.layout_names() if "all" in layouts else list(layouts)
        try:
            with _progress_bar(sys.stderr.isatty()) as progress:
                rows = layout_runs.evaluate_layouts(settings, names, progress=progress)
        except ReportQAError as error:
            raise click.ClickException(str(error)) from None
        click.echo(json.dumps(rows, ensure_ascii=False) if as_json else layout_runs.format_layout_report(rows))
        return
    try:
        chat = chat_model(settings) if use_llm else None
        if use_llm and chat is None:
            raise click.UsageError("--llm needs a chat model: set REPORTQA_LLM, REPORTQA_LLM_MODEL (and _BASE_URL).")
        with _progress_bar(sys.stderr.isatty()) as progress:
            report = gold.run_evaluation(settings, gold_path, index_dir, progress, claims_path, chat, set(kinds), split)
    except ReportQAError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else gold.format_report(report))


def embedding_summary(settings: Settings) -> str:
    """Which other sites may show the chat (widget) and call the API: a webmaster's first question."""
    frame = ", ".join(settings.embed_origin_list) or "none (set REPORTQA_EMBED_ORIGINS)"
    api = ", ".join(settings.cors_origin_list) or "none (set REPORTQA_CORS_ORIGINS)"
    return f"Sites allowed to embed the chat: {frame}; to call the API from a browser: {api}."


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1).")
@click.option("--port", type=int, default=None)
@docs_option
@index_option
def serve(host: str | None, port: int | None, docs_dir: Path | None, index_dir: Path | None) -> None:
    """Start the web app (chat at /), building the index first if needed."""
    from reportqa.web.app import run_server

    settings = _settings(host=host, port=port, docs_dir=docs_dir, index_dir=index_dir)
    click.echo(embedding_summary(settings), err=True)
    try:
        run_server(settings)
    except ReportQAError as error:
        raise click.ClickException(str(error)) from None


if __name__ == "__main__":
    main()
