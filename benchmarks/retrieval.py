"""Compare retrieval modes on the gold set, in one process, on the same index and questions.

    python benchmarks/retrieval.py [--gold eval/gold.jsonl] [--docs samples/report]

Prints, per mode (bm25, dense, hybrid), recall@1/5/10 and MRR overall and per language, and retrieval latency.
A reranker row is absent: no multilingual cross-encoder can be installed offline from a package here.
"""

import argparse
import tempfile
import time
from pathlib import Path

from reportqa.answer.retrieve import RetrievalMode, retrieve
from reportqa.config import Settings
from reportqa.index import build_index, open_index
from reportqa.language.detect import detect_language
from reportqa_eval.gold import GoldItem, load_gold, relevant

MODES: tuple[RetrievalMode, ...] = ("bm25", "dense", "hybrid")


def _row(name: str, ranks: list[int | None]) -> str:
    n = len(ranks)
    recall = [sum(1 for r in ranks if r and r <= k) / n for k in (1, 5, 10)]
    mrr = sum(1 / r for r in ranks if r) / n
    return f"{name:<16}{n:>5}" + "".join(f"{v:>8.3f}" for v in (*recall, mrr))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--docs", type=Path, default=Path("samples/report"))
    args = parser.parse_args()
    items: list[GoldItem] = [i for i in load_gold(args.gold) if i.answerable]
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(docs_dir=args.docs, index_dir=Path(folder))  # type: ignore[call-arg]
        build_index(settings)
        index = open_index(settings)
        languages = {item.id: detect_language(item.question) for item in items}
        retrieve(index, "warm-up", "fr")
        print(f"{'mode':<16}{'n':>5}{'R@1':>8}{'R@5':>8}{'R@10':>8}{'MRR':>8}")
        for mode in MODES:
            ranks: dict[str, int | None] = {}
            timings = []
            for item in items:
                started = time.perf_counter()
                hits = retrieve(index, item.question, languages[item.id], k=10, mode=mode)
                timings.append((time.perf_counter() - started) * 1000)
                ranks[item.id] = next((r for r, h in enumerate(hits, 1) if relevant(h.chunk, item)), None)
            print(_row(mode, list(ranks.values())))
            for lang in ("fr", "nl", "en", "de"):
                print(_row(f"  {lang}", [ranks[i.id] for i in items if i.lang == lang]))
            timings.sort()
            print(f"  latency ms p50 {timings[len(timings) // 2]:.1f}, p95 {timings[int(len(timings) * 0.95)]:.1f}")


if __name__ == "__main__":
    main()
