"""A page's body walked in reading order: the current section (from the outline or a numbered heading), prose
paragraphs joined across lines and columns, footnotes set apart, tables and charts, each emitted as a block."""

import re
from collections.abc import Iterator
from dataclasses import replace

from reportqa.document import Block, BlockKind, SourceDocument, Table
from reportqa.ingest.headings import HEADING, OutlineEntry, heading_key
from reportqa.ingest.layout import CAPTION, FURNITURE_REGIONS, HEADING_REGIONS, Line, PageItem, PlacedChart, PlacedTable
from reportqa.messages.documents import CHART_NOTE

# A footnote starts with its number: "(1) ", "1 ", or glued to the text as some word processors print it ("1Y compris").
NOTE_START = re.compile(r"^\(?\d{1,3}\)?(\s|(?=[A-ZÀ-Ý]))")


def _paragraphs(lines: list[Line]) -> Iterator[list[Line]]:
    group: list[Line] = []
    for line in lines:
        # A paragraph ends at a vertical gap, where the text jumps back up (the next column), or at a new region.
        gap = line.y0 - group[-1].y1 if group else 0.0
        new_region = bool(group) and line.region_index >= 0 and line.region_index != group[-1].region_index
        if group and (gap > line.size * 0.5 or gap < -line.size or (new_region and gap > line.size * 0.2)):
            yield group
            group = []
        group.append(line)
    if group:
        yield group


def _join_lines(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and line.text[:1].islower():
            text = text[:-1] + line.text
        else:
            text = f"{text} {line.text}" if text else line.text
    return text


class SectionWalker:
    """Walks a page's body in reading order, tracking the current section, and emits blocks."""

    def __init__(self, document: SourceDocument, outline: list[OutlineEntry], body_size: float) -> None:
        self.document = document
        self.outline = outline
        # Outline entries with a page are matched on that page; the others by their number wherever they appear.
        self.pending = [entry for entry in outline if entry.page_index >= 0]
        self.unplaced = {entry.number for entry in outline if entry.page_index < 0 and entry.number}
        self.known_numbers = {entry.number for entry in outline if entry.number}
        self.body_size = body_size
        self.section = ("", document.title)
        self.page = ("1", 1)
        self.prose: list[Line] = []
        self.note: list[Line] = []

    def read_page(self, index: int, label: str, items: list[PageItem]) -> None:
        self.page = (label, index + 1)
        position = 0
        while position < len(items):
            item = items[position]
            position += 1
            if isinstance(item, PlacedTable):
                self._flush()
                table = self._continued(item.table)
                self._emit("table", render_table(table), table)
                continue
            if isinstance(item, PlacedChart):
                self._flush()
                note = CHART_NOTE[self.document.edition]
                self._emit("chart", f"{item.caption} ({note})")
                continue
            if self._is_note(item):
                self._flush_prose()
                self.note.append(item)
                continue
            if self.note and item.size <= self.note[-1].size + 0.2 and not item.starts_with_marker:
                if item.region_index == self.note[-1].region_index or item.y0 - self.note[-1].y1 < item.size:
                    self.note.append(item)
                    continue
            self._flush_note()
            text = item.text
            # A heading wrapped over two lines of one region is read as one.
            while (
                item.region in HEADING_REGIONS
                and position < len(items)
                and isinstance(items[position], Line)
                and items[position].region_index == item.region_index  # type: ignore[union-attr]
            ):
                text = f"{text} {items[position].text}"  # type: ignore[union-attr]
                position += 1
            heading = self._heading(index, replace(item, text=text))
            if heading:
                self._flush()
                self.section = heading
            else:
                self.prose.append(replace(item, text=text))
        self._flush()

    def _is_note(self, line: Line) -> bool:
        if line.region == "footnote":
            return not self.note or line.starts_with_marker or bool(NOTE_START.match(line.text))
        small = line.size <= self.body_size - 1.5
        return line.starts_with_marker or (small and bool(NOTE_START.match(line.text)) and line.region != "table")

    def _heading(self, index: int, line: Line) -> tuple[str, str] | None:
        """The (number, title) this line starts: from the outline where it has the line's page, else from its
        numbering and its look (a heading region, a larger or bold font)."""
        if line.region in ("caption", "footnote", "list-item") or line.region in FURNITURE_REGIONS:
            return None
        key = heading_key(line.text)
        for entry in self.pending:
            if entry.page_index > index:
                break
            same_title = key[1] == heading_key(entry.title)[1]
            if key == heading_key(f"{entry.number} {entry.title}") or (not key[0] and same_title):
                self.pending.remove(entry)
                match = HEADING.match(line.text)
                return entry.number, match.group(2).strip() if match else entry.title
        match = HEADING.match(line.text)
        if not match or line.text.rstrip().endswith((".", ",", ";")):
            return None
        looks_like_heading = line.region in HEADING_REGIONS or line.size >= self.body_size + 1 or line.bold
        number = match.group(1).rstrip(".")
        if self.outline and number in self.known_numbers and number not in self.unplaced:
            return None  # the outline places this heading elsewhere: the line is not it
        return (number, match.group(2).strip()) if looks_like_heading else None

    def _continued(self, table: Table) -> Table:
        """A table carried over to the next page repeats its header, not its caption: it takes the caption of the
        table it continues (the block before it, its notes aside, on the page before, with the same header)."""
        last = next((block for block in reversed(self.document.blocks) if block.kind != "footnote"), None)
        if table.caption or last is None or last.table is None or last.physical_page != self.page[1] - 1:
            return table
        if [cell.strip() for cell in last.table.header] != [cell.strip() for cell in table.header]:
            return table
        return replace(table, caption=last.table.caption)

    def _emit(self, kind: BlockKind, text: str, table: Table | None = None) -> None:
        self.document.blocks.append(Block(kind, text, *self.section, *self.page, table))

    def _flush(self) -> None:
        self._flush_note()
        self._flush_prose()

    def _flush_note(self) -> None:
        if self.note:
            self._emit("footnote", re.sub(r"^(\(?\d{1,3}\)?)(?=\S)", r"\1 ", _join_lines(self.note)))
            self.note = []

    def _flush_prose(self) -> None:
        for paragraph in _paragraphs(self.prose):
            text = _join_lines(paragraph)
            if CAPTION.match(text) and text.startswith(("Tableau", "Tabel", "Table")):
                continue  # a table caption without its table (the table was not read): not a passage
            last = self.document.blocks[-1] if self.document.blocks else None
            place = (*self.section, self.page[0])
            if (
                last is not None
                and last.kind == "prose"
                and text[:1].islower()
                and (last.section_number, last.section_title, last.page) == place
            ):
                # A sentence carried over to the next column.
                self.document.blocks[-1] = replace(last, text=f"{last.text} {text}")
            else:
                self.document.blocks.append(Block("prose", text, *self.section, *self.page))
        self.prose.clear()


def render_table(table: Table) -> str:
    """A table as text for indexing: the caption, then one line per row with its column headers."""
    lines = [table.caption] if table.caption else []
    for row in table.rows:
        cells = [f"{head}: {cell}" if head else cell for head, cell in zip(table.header[1:], row[1:], strict=False)]
        lines.append(f"{row[0]} | " + " | ".join(cells))
    return "\n".join(lines)
