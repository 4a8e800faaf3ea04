"""Index build speed with the layout engine: a 200-page French + Dutch pair, first build and unchanged rebuild.

    python benchmarks/ingest_speed.py [--pages 200] [--layout samples/layouts/chromium]
    python benchmarks/ingest_speed.py --real samples/bench/real/rekenhof [--real samples/bench/real/antwerpen ...]

With --real, the PDFs found under each folder are built as they are (reports nobody here laid out), and the
figure to read is seconds a page. Otherwise the pair is made by repeating a layout's two editions (tables without
rules, footnotes, a chart, two columns) up to the page count, so every page is a real report page. The first build
parses every page (layout model in worker processes) and embeds every chunk; the second build finds the same files
and reuses the parses and the vectors.
"""

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import pymupdf

from reportqa.config import Settings
from reportqa.index import build_index
from reportqa.ingest import load_document


def _repeat(source: Path, target: Path, pages: int) -> None:
    with pymupdf.open(source) as original, pymupdf.open() as out:
        while out.page_count < pages:
            last = min(original.page_count, pages - out.page_count) - 1
            out.insert_pdf(original, to_page=last)
        out.save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--layout", type=Path, default=Path("samples/layouts/chromium"))
    parser.add_argument("--real", type=Path, action="append", default=[], help="a folder of real report PDFs")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reportqa-speed-") as scratch:
        docs = Path(scratch) / "docs"
        docs.mkdir()
        if arguments.real:
            for pdf in sorted(p for folder in arguments.real for p in folder.rglob("*.pdf")):
                shutil.copy(pdf, docs / pdf.name)
            source = ", ".join(map(str, arguments.real))
        else:
            record = json.loads((arguments.layout / "figures.json").read_text(encoding="utf-8"))
            for language, name in record["files"].items():
                _repeat(arguments.layout / name, docs / f"report-{language}.pdf", arguments.pages)
            source = f"{arguments.pages} per edition, from {arguments.layout}"
        settings = Settings(  # type: ignore[call-arg]
            docs_dir=docs, index_dir=Path(scratch) / "index", parse_cache_dir=None, _env_file=None
        )
        # The first build in two timed parts: reading the PDFs (what the build does first, cached by content hash),
        # then the rest of the build (chunks, embeddings, BM25, facts) over the parses just made.
        started = time.perf_counter()
        for path in sorted(docs.glob("*.pdf")):
            load_document(path, settings.parse_cache)
        parse = time.perf_counter() - started
        started = time.perf_counter()
        manifest = build_index(settings)
        rest = time.perf_counter() - started
        started = time.perf_counter()
        build_index(settings)
        second = time.perf_counter() - started
    first = parse + rest
    print(
        f"{manifest.pages} pages ({source}), {manifest.chunks} chunks, {manifest.tables} tables\n"
        f"first build: {first:.1f} s ({manifest.pages / first:.1f} pages/s, {first / manifest.pages:.2f} s a page): "
        f"reading the PDFs {parse:.1f} s, "
        f"chunks, embeddings, BM25 and facts {rest:.1f} s\n"
        f"unchanged rebuild: {second:.1f} s"
    )


if __name__ == "__main__":
    main()
