"""Cut documents into section-aware chunks: a chunk never crosses a section or a page."""

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Literal

from reportqa.config import Edition
from reportqa.document import Block, SourceDocument, Table
from reportqa.snapshots import VERSION_CHARS

# Bump when chunking changes: the manifest records it, and a different version triggers a rebuild.
# 2: builds carry facts.sqlite; 3: and vectors of table rows and figure sentences; 4: a cell of a table whose rows
# are years is a fact of its row's year
CHUNKER_VERSION = "5"
MAX_CHARS = 900

ChunkKind = Literal["prose", "table", "announcement"]


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    doc_title: str
    edition: Edition
    kind: ChunkKind
    section_number: str
    section_title: str
    page: str
    physical_page: int
    text: str
    table: Table | None = None
    doc_version: str = ""  # the start of the file's sha256: citations open this version of the file

    @property
    def section_label(self) -> str:
        return f"{self.section_number} {self.section_title}".strip()

    def embedding_text(self) -> str:
        """What gets embedded: the section heading gives a short passage its topic."""
        return f"{self.section_label}\n{self.text}"

    def metadata(self) -> dict[str, str | int]:
        """Flat metadata for Chroma (scalars only)."""
        return {
            "doc_id": self.doc_id,
            "edition": self.edition,
            "kind": self.kind,
            "section_number": self.section_number,
            "page": self.page,
            "physical_page": self.physical_page,
        }

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> "Chunk":
        data = json.loads(line)
        if data.get("table"):
            data["table"] = Table(**data["table"])
        return cls(**data)


def _chunk_id(doc_id: str, block: Block, text: str, repeat: int) -> str:
    # Derived from the document and the content (not the position), so unchanged text keeps its id.
    key = f"{CHUNKER_VERSION}|{doc_id}|{block.section_number}|{block.page}|{repeat}|{text}"
    return f"{doc_id}:{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def chunk_document(document: SourceDocument) -> list[Chunk]:
    kind_of_prose: ChunkKind = "announcement" if document.kind == "announcement" else "prose"
    groups: list[tuple[Block, list[str]]] = []
    for block in document.blocks:
        if block.kind == "table":
            groups.append((block, [block.text]))
            continue
        last = groups[-1] if groups else None
        same_place = (
            last is not None
            and last[0].kind == "prose"
            and (last[0].section_number, last[0].section_title, last[0].physical_page)
            == (block.section_number, block.section_title, block.physical_page)
        )
        if last is not None and same_place and sum(map(len, last[1])) + len(block.text) <= MAX_CHARS:
            last[1].append(block.text)
        else:
            groups.append((block, [block.text]))

    chunks = []
    seen: dict[tuple[str, str, str], int] = {}
    for block, texts in groups:
        text = "\n".join(texts)
        place = (block.section_number, block.page, text)
        seen[place] = repeat = seen.get(place, -1) + 1
        chunks.append(
            Chunk(
                chunk_id=_chunk_id(document.doc_id, block, text, repeat),
                doc_id=document.doc_id,
                doc_title=document.title,
                edition=document.edition,
                kind="table" if block.kind == "table" else kind_of_prose,
                section_number=block.section_number,
                section_title=block.section_title,
                page=block.page,
                physical_page=block.physical_page,
                text=text,
                table=block.table,
                doc_version=document.sha256[:VERSION_CHARS],
            )
        )
    return chunks
