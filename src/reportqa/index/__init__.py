"""The persisted index (storage only): Chroma vectors, the chunks and a manifest, built aside and swapped in at once.

Layout of index_dir:
    current -> builds/<build id>     a symlink, replaced in one rename when a build completes
    builds/<build id>/manifest.json  written last: a build without it is incomplete and ignored
    builds/<build id>/chunks.jsonl
    builds/<build id>/chroma/
    builds/<build id>/bm25/           the lexical index, one BM25 model per edition
    builds/<build id>/facts.sqlite    every figure of a table cell or sentence, for claims and the Figures view
    builds/<build id>/positions.sqlite  where each sentence and table cell stands on its page, for the viewer
    builds/<build id>/files/<sha256>.pdf   the documents as indexed, so citations open the file they came from
    builds/<build id>/idf.json        each edition's word weights (computing them was 0.03 s of every start)
    parsed/<sha256>-<reader version>.json   each PDF as read (pages, sections, tables), reused while it is unchanged

Modules: `build` (read, chunk, embed, write aside), `vectors` (Chroma), `lexical` (BM25), `statements` (the rows'
and figure sentences' vectors), `figures` (the facts), `manifest` (what a build was made from, and whether it is
stale), `swap` (the build made live), `load` (the live build opened), `loaded` (the index in memory).
"""

from reportqa.index.build import build_index
from reportqa.index.load import ensure_index, open_index
from reportqa.index.loaded import QUERY_CACHE, SENTENCE_CACHE, LoadedIndex, VectorCache
from reportqa.index.manifest import DocumentInfo, Manifest, is_stale, read_manifest
from reportqa.index.progress import Progress

__all__ = [
    "QUERY_CACHE",
    "SENTENCE_CACHE",
    "DocumentInfo",
    "LoadedIndex",
    "Manifest",
    "Progress",
    "VectorCache",
    "build_index",
    "ensure_index",
    "is_stale",
    "open_index",
    "read_manifest",
]
