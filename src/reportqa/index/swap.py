"""A finished build made live in one rename of the `current` symlink; older builds removed."""

import os
import shutil
import uuid
from pathlib import Path

from reportqa.config import Settings
from reportqa.index.vectors import drop_vectors


def swap(settings: Settings, build_dir: Path) -> None:
    index_dir = settings.index_dir
    link = index_dir / "current"
    temporary = index_dir / f".current-{uuid.uuid4().hex[:6]}"
    temporary.symlink_to(build_dir.relative_to(index_dir))
    previous = link.resolve() if link.exists() else None
    os.replace(temporary, link)  # atomic: readers see the old build or the new one, never a mix
    # Keep the build just replaced (a running app may still read it); remove anything older.
    for old in (index_dir / "builds").iterdir():
        if old not in (build_dir, previous):
            drop_vectors(settings, old)
            shutil.rmtree(old, ignore_errors=True)
