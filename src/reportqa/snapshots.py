"""The documents a build was made from, kept in the build (`builds/<id>/files/<sha256>.pdf`), so that a citation
opens the very file it was drawn from while an index built from it is live, even after docs/ has changed.

Citations name the file's version (the first characters of its sha256: `/documents/<id>.pdf?v=<version>`); the
current build and the one it replaced (kept by the swap for running apps) are searched for it.
"""

import json
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportqa.document import SourceDocument

VERSION_CHARS = 12  # of the sha256, in citation links: enough to tell two versions of a document apart
FILES = "files"


@dataclass(frozen=True)
class Snapshot:
    path: Path  # the file as indexed
    build: Path  # the build it belongs to (its positions, its chunks)
    version: str  # the file's full sha256


def snapshot_name(sha256: str, suffix: str) -> str:
    return f"{sha256}{suffix.lower()}"


def keep_files(documents: list[SourceDocument], build_dir: Path, previous: Path | None) -> None:
    """Copy each document into the build (a link to the previous build's copy when unchanged: those copies are
    read-only and never edited in place, unlike docs/, so a link to them is safe)."""
    folder = build_dir / FILES
    folder.mkdir()
    for document in documents:
        name = snapshot_name(document.sha256, document.path.suffix)
        target = folder / name
        if target.exists():
            continue
        earlier = previous / FILES / name if previous else None
        try:
            if earlier is None or not earlier.is_file():
                raise OSError("no earlier copy")
            os.link(earlier, target)
        except OSError:
            shutil.copyfile(document.path, target)
            target.chmod(0o444)


@lru_cache(maxsize=16)
def _documents(manifest: Path, modified: float) -> tuple[tuple[str, str, str], ...]:
    """(doc id, file, sha256) of a build's documents; cached per manifest file and modification time."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return tuple((d["doc_id"], d["file"], d.get("sha256", "")) for d in data.get("documents", []))


def live_builds(index_dir: Path) -> list[Path]:
    """The current build first, then the others still on disk that are complete (the one just replaced)."""
    link = index_dir / "current"
    current = link.resolve() if link.exists() else None
    others = sorted((index_dir / "builds").glob("*/manifest.json"), reverse=True) if index_dir.is_dir() else []
    builds = [current] if current is not None and (current / "manifest.json").is_file() else []
    return builds + [m.parent for m in others if m.parent != current]


def find_document(index_dir: Path, doc_id: str, suffix: str, version: str = "") -> Snapshot | None:
    """The kept copy of a document by id (never by a path from a request), of the version asked for, else of the
    current build; None when no live build holds it."""
    for build in live_builds(index_dir):
        manifest = build / "manifest.json"
        try:
            documents = _documents(manifest, manifest.stat().st_mtime)
        except (OSError, ValueError, KeyError):
            continue
        for known, file, sha256 in documents:
            if known != doc_id or Path(file).suffix.lower() != suffix.lower() or not sha256:
                continue
            if version and not sha256.startswith(version):
                continue
            path = build / FILES / snapshot_name(sha256, suffix)
            if path.is_file():
                return Snapshot(path, build, sha256)
        if not version:
            return None  # the current build does not have it: an older build's copy would be another document
    return None
