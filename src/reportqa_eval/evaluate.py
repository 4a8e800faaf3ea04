"""`reportqa eval`: run the gold set through the same path as `ask` and measure retrieval, answers and speed."""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportqa.answer.claim import CheckResult
from reportqa.answer.claims import check_claim
from reportqa.answer.evidence import Thresholds, suffices
from reportqa.answer.extractive import Answer, answer_question
from reportqa.answer.generate import final_answer, stream_answer
from reportqa.answer.guard import without_markers
from reportqa.answer.llm import model_name
from reportqa.config import Settings
from reportqa.index import LoadedIndex, Manifest, build_index, ensure_index, open_index
from reportqa.language.numbers import figures_in
from reportqa_eval.gold import GoldItem, load_gold, relevant, states_figure

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

RECALL_AT = (1, 5, 10)
MAX_FALSE_REFUSALS = 0.05


@dataclass
class Outcome:
    item: GoldItem
    answer: Answer
    rank: int | None  # 1-based rank of the first relevant passage among the top 10
    figures_cited: bool = True  # every figure of the answer stands in the passages it cites

    @property
    def correct(self) -> bool:
        if not self.item.answerable or self.answer.refused:
            return False
        if not self.item.expected:  # "which section covers ...": the cited section is the answer
            return any(c.section in self.item.sections for c in self.answer.citations)
        return states_figure(self.answer.answer, self.item.expected, self.item.asked_years)

    @property
    def citation_right(self) -> bool:
        return any(relevant(c, self.item) for c in self.answer.citations)

    @property
    def language_right(self) -> bool:
        if self.answer.language != self.item.lang:
            return False
        return (
            self.answer.refused or self.item.lang in ("en", "de") or self.answer.citations[0].edition == self.item.lang
        )


def _rank(answer: Answer, item: GoldItem) -> int | None:
    return next((rank for rank, hit in enumerate(answer.hits[:10], 1) if relevant(hit.chunk, item)), None)


def _share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return round(sum(values) / len(values), 3) if values else None


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1) if ordered else 0.0


def summarize(outcomes: list[Outcome]) -> dict[str, object]:
    answerable = [o for o in outcomes if o.item.answerable]
    unanswerable = [o for o in outcomes if not o.item.answerable]
    retrieval: dict[str, float | None] = {
        f"recall@{k}": _share(o.rank is not None and o.rank <= k for o in answerable) for k in RECALL_AT
    }
    retrieval["mrr"] = round(sum(1 / o.rank for o in answerable if o.rank) / len(answerable), 3) if answerable else None
    return {
        "questions": len(outcomes),
        "retrieval": retrieval,
        "answers": {
            "accuracy": _share(o.correct for o in answerable),
            "citation_accuracy": _share(o.citation_right for o in answerable if not o.answer.refused),
            "refusal_accuracy": _share(o.answer.refused for o in unanswerable),
            "false_refusals": _share(o.answer.refused for o in answerable),
            "language_accuracy": _share(o.language_right for o in outcomes),
            "uncited_figures": sum(not o.figures_cited for o in outcomes),
        },
        "generation": _generation(outcomes),
    }


def _generation(outcomes: list[Outcome]) -> dict[str, object]:
    """How the chat model fared: answers it wrote, drafts the guard rejected, and why it was set aside."""
    asked = [o.answer for o in outcomes if o.answer.model]
    reasons = Counter(a.fallback_reason.partition(":")[0].partition(" (")[0] for a in asked if a.fallback_reason)
    return {
        "asked": len(asked),
        "written_by_llm": sum(a.mode == "llm" for a in asked),
        "fallbacks": sum(a.mode == "extractive" for a in asked),
        "guard_failures": sum(a.guard_failures for a in asked),
        "fallback_reasons": dict(reasons),
    }


def figures_cited(answer: Answer, index: LoadedIndex) -> bool:
    """No figure in the answer that its cited passages (with their headings and printed pages) do not state."""
    if answer.refused:
        return True
    chunks = [index.chunks[c.chunk_id] for c in answer.citations if c.chunk_id in index.chunks]
    cited = " ".join(f"{chunk.doc_title} {chunk.section_label} p. {chunk.page} {chunk.text}" for chunk in chunks)
    # A change or a share computed from the cited cells stands in none of them; the answer says it is computed.
    computed = figures_in(" ".join(answer.computed), answer.language)
    return figures_in(without_markers(answer.answer), answer.language) <= figures_in(cited, "fr") | computed


def calibrate(outcomes: list[Outcome]) -> dict[str, float]:
    """The refusal thresholds that best separate answerable from unanswerable questions on this gold set.

    The product answers when the best passage's similarity reaches `min_score`, its sentence names the year
    asked about, and (French and Dutch questions) the sentence covers at least `min_coverage` of the question's
    weighted words or is at least `min_sentence_score` similar to it. The grid search keeps false refusals within
    the product's target (MAX_FALSE_REFUSALS: a citizen wrongly told "the report does not say" is the costlier
    error) and, within it, maximises refusal accuracy; ties keep the first (lowest) thresholds.
    """
    best: tuple[tuple[bool, float], float, float, float, float, float] | None = None
    for min_score in [round(0.78 + 0.005 * i, 3) for i in range(21)]:
        for min_coverage in [round(0.05 * i, 2) for i in range(11)]:
            for min_sentence in [round(0.86 + 0.005 * i, 3) for i in range(17)]:
                rule = Thresholds(min_score, min_coverage, min_sentence)
                answered = [suffices(o.answer.evidence, o.item.lang, rule) for o in outcomes]  # type: ignore[arg-type]
                pairs = list(zip(answered, outcomes, strict=True))
                refusal = _share(not a for a, o in pairs if not o.item.answerable) or 0.0
                false_refusal = _share(not a for a, o in pairs if o.item.answerable) or 0.0
                within_target = false_refusal <= MAX_FALSE_REFUSALS + 1e-9
                score = (within_target, refusal if within_target else refusal - false_refusal)
                if best is None or score > best[0]:
                    best = (score, min_score, min_coverage, min_sentence, refusal, false_refusal)
    if best is None:
        return {}
    keys = ("min_score", "min_coverage", "min_sentence_score", "refusal_accuracy", "false_refusals")
    return dict(zip(keys, best[1:], strict=True))


def _latency(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    return {
        stage: {
            "p50": _percentile([o.answer.timings_ms[stage] for o in outcomes], 0.5),
            "p95": _percentile([o.answer.timings_ms[stage] for o in outcomes], 0.95),
        }
        for stage in ("retrieve", "answer", "total")
    }


def run_claims(index: LoadedIndex, settings: Settings, claims_path: Path) -> dict[str, object]:
    """Claim-check accuracy overall, per expected verdict, kind and language; contradicted claims reported as
    supported are counted apart (the error a press officer must never get)."""
    items = [json.loads(line) for line in claims_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [(item, check_claim(index, item["claim"], settings)) for item in items]

    def accuracy(selected: list[tuple[dict, CheckResult]]) -> float | None:  # type: ignore[type-arg]
        return _share(result.verdict == item["verdict"] for item, result in selected)

    def by(key: str) -> dict[str, float | None]:
        return {v: accuracy([r for r in results if r[0][key] == v]) for v in sorted({i[key] for i in items})}

    return {
        "claims": len(items),
        "accuracy": accuracy(results),
        "by_verdict": by("verdict"),
        "by_kind": by("kind"),
        "by_language": by("lang"),
        "contradicted_reported_supported": sum(
            1 for item, result in results if item["verdict"] == "contradicted" and result.verdict == "supported"
        ),
        "failures": [
            {
                "id": item["id"],
                "claim": item["claim"],
                "expected": item["verdict"],
                "got": result.verdict,
                "report_value": result.report_value,
            }
            for item, result in results
            if result.verdict != item["verdict"]
        ],
    }


def run_evaluation(
    settings: Settings,
    gold_path: Path,
    index_dir: Path | None = None,
    progress: Callable[[str, float], None] | None = None,
    claims_path: Path | None = None,
    chat: BaseChatModel | None = None,
    kinds: set[str] | None = None,
    split: str | None = None,
) -> dict[str, object]:
    """Build the index (fresh, in a temporary folder, unless index_dir is given), then ask every gold question
    (of the given kinds) through the answering path: extractive, or written by `chat` and guarded."""
    items = [
        item
        for item in load_gold(gold_path)
        if (not kinds or item.kind in kinds) and (not split or item.split == split)
    ]
    with tempfile.TemporaryDirectory(prefix="reportqa-eval-") as scratch:
        settings = settings.model_copy(update={"index_dir": index_dir or Path(scratch)})
        if index_dir is None:
            build_index(settings, progress)
            index: LoadedIndex = open_index(settings)
        else:
            index = ensure_index(settings, progress)
        manifest = index.manifest
        answer_question(index, "warm-up", settings)  # load the models before timing
        outcomes = _answer_gold(index, items, settings, chat, progress)
        claims = run_claims(index, settings, claims_path) if claims_path and claims_path.is_file() else None
    report: dict[str, object] = {
        "gold": str(gold_path),
        "docs": str(settings.docs_dir),
        "embedder": manifest.embedder_id,
        "min_score": settings.min_score,
        "min_coverage": settings.min_coverage,
        "min_sentence_score": settings.min_sentence_score,
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "llm": model_name(chat) if chat else None,
        **_figures(outcomes),
        "index_build": _index_build(manifest),
        "calibration": calibrate([o for o in outcomes if o.item.split == "dev"]),
        "claims": claims,
        "failures": _failures(outcomes),
    }
    return report


def _answer_gold(
    index: LoadedIndex,
    items: list[GoldItem],
    settings: Settings,
    chat: BaseChatModel | None,
    progress: Callable[[str, float], None] | None,
) -> list[Outcome]:
    """Every gold question asked through the answering path, each with its rank and the figures its answer cites."""
    outcomes = []
    for number, item in enumerate(items, 1):
        if progress:
            progress(f"Question {number}/{len(items)}", number / len(items))
        answer = final_answer(stream_answer(index, item.question, settings, chat, history=item.history))
        outcomes.append(Outcome(item, answer, _rank(answer, item), figures_cited(answer, index)))
    return outcomes


def _figures(outcomes: list[Outcome]) -> dict[str, object]:
    return {
        # The test split first: the dev split is where thresholds were chosen, so its figures flatter.
        "splits": {
            split: _split_summary([o for o in outcomes if o.item.split == split]) for split in _splits(outcomes)
        },
        "overall": summarize(outcomes),
        "by_language": {
            lang: summarize([o for o in outcomes if o.item.lang == lang]) for lang in _keys(outcomes, "lang")
        },
        "by_kind": {kind: summarize([o for o in outcomes if o.item.kind == kind]) for kind in _keys(outcomes, "kind")},
        "latency_ms": _latency(outcomes),
    }


def _index_build(manifest: Manifest) -> dict[str, object]:
    return {
        "seconds": manifest.seconds,
        "pages": manifest.pages,
        "chunks": manifest.chunks,
        "pages_per_second": round(manifest.pages / manifest.seconds, 1) if manifest.seconds else None,
        "chunks_per_second": round(manifest.chunks / manifest.seconds, 1) if manifest.seconds else None,
    }


def _failures(outcomes: list[Outcome]) -> list[dict[str, object]]:
    return [
        {"id": o.item.id, "kind": o.item.kind, "question": o.item.question, "answer": o.answer.answer[:200]}
        for o in outcomes
        if (o.item.answerable and not o.correct) or (not o.item.answerable and not o.answer.refused)
    ]


def _split_summary(outcomes: list[Outcome]) -> dict[str, object]:
    summary = summarize(outcomes)
    summary["by_kind"] = {
        kind: summarize([o for o in outcomes if o.item.kind == kind]) for kind in _keys(outcomes, "kind")
    }
    return summary


def _splits(outcomes: list[Outcome]) -> list[str]:
    return sorted(_keys(outcomes, "split"), key=lambda split: split != "test")


def _keys(outcomes: list[Outcome], attribute: str) -> list[str]:
    return sorted({getattr(o.item, attribute) for o in outcomes})


def format_report(report: dict) -> str:  # type: ignore[type-arg]
    """A plain-text table: one row overall, per language and per kind."""
    header = (
        f"{'':<14}{'n':>5}{'R@1':>7}{'R@5':>7}{'R@10':>7}{'MRR':>7}{'acc':>7}{'cite':>7}"
        f"{'refuse':>8}{'falseR':>8}{'lang':>7}"
    )
    rows = [header]

    def line(name: str, summary: dict) -> str:  # type: ignore[type-arg]
        r, a = summary["retrieval"], summary["answers"]

        def f(value: float | None) -> str:
            return "-" if value is None else f"{value:.2f}"

        return (
            f"{name:<14}{summary['questions']:>5}{f(r['recall@1']):>7}{f(r['recall@5']):>7}{f(r['recall@10']):>7}"
            f"{f(r['mrr']):>7}{f(a['accuracy']):>7}{f(a['citation_accuracy']):>7}{f(a['refusal_accuracy']):>8}"
            f"{f(a['false_refusals']):>8}{f(a['language_accuracy']):>7}"
        )

    rows += [line(f"{split} split", summary) for split, summary in report["splits"].items()]
    rows.append(line("overall", report["overall"]))
    rows += [line(lang, summary) for lang, summary in report["by_language"].items()]
    rows += [line(kind, summary) for kind, summary in report["by_kind"].items()]
    latency, build = report["latency_ms"], report["index_build"]
    rows.append("latency ms (p50/p95): " + ", ".join(f"{stage} {v['p50']}/{v['p95']}" for stage, v in latency.items()))
    rows.append(
        f"index build: {build['seconds']} s, {build['pages']} pages ({build['pages_per_second']}/s), "
        f"{build['chunks']} chunks ({build['chunks_per_second']}/s)"
    )
    rows.append(f"calibration (dev split only): {report['calibration']}")
    overall = report["overall"]
    rows.append(f"figures not in the cited passages: {overall['answers']['uncited_figures']} answers")
    if report.get("llm"):
        rows.append(f"generation ({report['llm']}): {overall['generation']}")
    claims = report.get("claims")
    if claims:
        rows.append(
            f"claims: {claims['claims']}, accuracy {claims['accuracy']}, by verdict {claims['by_verdict']}, "
            f"by kind {claims['by_kind']}, "
            f"contradicted reported as supported: {claims['contradicted_reported_supported']}"
        )
    return "\n".join(rows)
