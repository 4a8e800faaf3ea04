"""Generate the sample activity report (French and Dutch PDFs) and the record of every figure in it.

    python scripts/make_sample_report.py [--out samples/report]

The output is committed; running the script again reproduces it byte for byte. The figures are fictitious.
"""

import argparse
import json
import re
import shutil
from pathlib import Path

import pymupdf
from sample_content import CHAPTERS, YEARS, Chapter, Row, TableData
from samplepdf import Chart, Footnote, Paragraph, ReportSpec, Section, TableSpec, write_report

NBSP = "\u00a0"
REPO = Path(__file__).resolve().parent.parent
EDITIONS = {
    "fr": {
        "file": "rapport-activite-2023-exemple-fr.pdf",
        "title": "Rapport d'activité 2023",
        "subtitle": "Office des étrangers - exemple avec des chiffres fictifs",
        "toc": "Table des matières",
        "footer": "EXEMPLE - chiffres fictifs, ce n'est pas le rapport officiel de l'Office des étrangers",
        "outline": True,
    },
    "nl": {
        "file": "activiteitenverslag-2023-voorbeeld-nl.pdf",
        "title": "Activiteitenverslag 2023",
        "subtitle": "Dienst Vreemdelingenzaken - voorbeeld met fictieve cijfers",
        "toc": "Inhoud",
        "footer": "VOORBEELD - fictieve cijfers, dit is niet het officiële verslag van de Dienst Vreemdelingenzaken",
        "outline": False,
    },
}
# Long words given a soft hyphen, so that some lines end in a hyphenated word as in the printed report.
HYPHENATE = {
    "fr": {
        "régularisation": "régu\u00adlarisation",
        "administrations": "adminis\u00adtrations",
        "coopération": "coopé\u00adration",
        "numérisation": "numé\u00adrisation",
    },
    "nl": {
        "gegevensuitwisseling": "gegevens\u00aduitwisseling",
        "administraties": "adminis\u00adtraties",
        "coördinatievergaderingen": "coördinatie\u00advergaderingen",
        "registratie": "regis\u00adtratie",
    },
}


def format_number(value: float, language: str, unit: str = "") -> str:
    """35507 -> '35 507' (fr, no-break space) or '35.507' (nl); 12.5 % -> '12,5 %' (fr) or '12,5%' (nl)."""
    decimals = 1 if unit == "%" or value != int(value) else 0
    text = f"{value:,.{decimals}f}".replace(",", "\0").replace(".", ",")
    text = text.replace("\0", NBSP if language == "fr" else ".")
    if unit == "%":
        text += f"{NBSP}%" if language == "fr" else "%"
    return text


def table_rows(table: TableData) -> list[tuple[Row, tuple[float, ...]]]:
    """Rows with their values, totals computed from the rows above them."""
    rows: list[tuple[Row, tuple[float, ...]]] = []
    for row in table.rows:
        values = row.values or tuple(sum(r[1][i] for r in rows) for i in range(len(table.years)))
        rows.append((row, values))
    return rows


def all_tables(chapter: Chapter) -> list[TableData]:
    return ([chapter.table] if chapter.table else []) + chapter.extra_tables


def numbered_captions() -> dict[tuple[str, str], str]:
    """(table key, language) -> caption, tables numbered in order within each chapter: 'Tableau 4.2 : ...'."""
    captions: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    for chapter in CHAPTERS:
        top = chapter.number.split(".")[0]
        for table in all_tables(chapter):
            counters[top] = counters.get(top, 0) + 1
            for language, word, colon in (("fr", "Tableau", " : "), ("nl", "Tabel", ": ")):
                text = re.sub(r"^(Tableau|Tabel) [\d.]+ ?: ", "", getattr(table, f"caption_{language}"))
                captions[(table.key, language)] = f"{word} {top}.{counters[top]}{colon}{text}"
    return captions


CAPTIONS = numbered_captions()


def change(values: tuple[float, float, float], table: TableData) -> float:
    before, after = values[1], values[2]
    if table.unit == "%":
        return round(after - before, 1)
    return round(abs(after - before) / before * 100, 1) if before else 0.0


def _hyphenate(text: str, language: str) -> str:
    for word, broken in HYPHENATE[language].items():
        text = text.replace(word, broken)
    return text


def lead_sentence(chapter: Chapter, language: str) -> str | None:
    """The sentence stating the lead row's 2023 figure and its change since 2022."""
    template = getattr(chapter, f"lead_{language}")
    if chapter.table is None or not template:
        return None
    values = table_rows(chapter.table)[chapter.table.lead_row][1]
    increase = values[2] >= values[1]
    assert increase != any(w in template for w in ("de moins", "minder")), f"{chapter.table.key}: wording"
    percent = format_number(change(values, chapter.table), language, "%")
    return str(template.format(v=format_number(values[2], language, chapter.table.unit), p=percent))


def section_content(chapter: Chapter, language: str) -> list:  # type: ignore[type-arg]
    content: list = []  # type: ignore[type-arg]
    intro = getattr(chapter, f"intro_{language}")
    for paragraph in intro.split("\n") if intro else []:
        content.append(Paragraph(_hyphenate(paragraph, language), columns=chapter.columns))
    sentences = []
    table = chapter.table
    lead = lead_sentence(chapter, language)
    if lead:
        sentences.append(lead)
    for figure in chapter.prose_figures:
        sentences.append(getattr(figure, language).format(v=format_number(figure.value, language, figure.unit)))
    if sentences:
        content.append(Paragraph(" ".join(sentences)))
    footnote = getattr(chapter, f"footnote_{language}")
    if footnote:
        content.append(Footnote(footnote))
    for position, shown in enumerate(all_tables(chapter)):
        header = [getattr(shown, f"first_column_{language}"), *map(str, shown.years)]
        rows = [
            [getattr(row, language), *(format_number(v, language, shown.unit) for v in values)]
            for row, values in table_rows(shown)
        ]
        content.append(TableSpec(CAPTIONS[(shown.key, language)], header, rows))
        if position == 0 and len(shown.years) == 3 and len(shown.rows) > 1:
            content.append(Paragraph(_evolution(shown, language)))
        if position == 0 and chapter.chart and table is not None:
            caption = (
                f"Graphique {chapter.number}.1 : {table.rows[0].fr} par année"
                if language == "fr"
                else f"Grafiek {chapter.number}.1: {table.rows[0].nl} per jaar"
            )
            content.append(Chart(caption, list(map(str, YEARS)), list(table_rows(table)[0][1])))
    return content


def _evolution(table: TableData, language: str) -> str:
    """One sentence per row over the three years, as the report's text comments its tables."""
    heading = "Évolution sur trois ans." if language == "fr" else "Evolutie over drie jaar."
    sentences = []
    for row, values in table_rows(table):
        v = [format_number(x, language, table.unit) for x in values]
        if language == "fr":
            sentences.append(f"{row.fr} : {v[0]} en 2021, {v[1]} en 2022 et {v[2]} en 2023.")
        else:
            sentences.append(f"{row.nl}: {v[0]} in 2021, {v[1]} in 2022 en {v[2]} in 2023.")
    return " ".join([heading, *sentences])


def build_spec(language: str) -> ReportSpec:
    edition = EDITIONS[language]
    sections = []
    for chapter in CHAPTERS:
        content = section_content(chapter, language)
        sections.append(Section(chapter.number, getattr(chapter, language), content, new_page=chapter.new_page))
    spec = ReportSpec(
        title=str(edition["title"]),
        subtitle=str(edition["subtitle"]),
        toc_title=str(edition["toc"]),
        footer_note=str(edition["footer"]),
        sections=sections,
        with_outline=bool(edition["outline"]),
        with_page_labels=bool(edition["outline"]),
    )
    return spec


def _page_texts(path: Path) -> list[str]:
    with pymupdf.open(path) as pdf:
        return [" ".join(page.get_text().replace(NBSP, " ").split()) for page in pdf]


def _find_page(texts: list[str], needle: str, start: int) -> int:
    needle = " ".join(needle.replace(NBSP, " ").replace("\u00ad", "").split())
    for index in range(start, len(texts)):
        if needle in texts[index]:
            return index
    raise ValueError(f"{needle!r} not found from page {start + 1}")


def record_figures(paths: dict[str, Path], first_body: dict[str, int]) -> dict:  # type: ignore[type-arg]
    """Where each section and figure stands in each edition: printed page and physical page."""
    texts = {lang: _page_texts(path) for lang, path in paths.items()}
    sections, figures = {}, []
    start = dict(first_body)
    for chapter in CHAPTERS:
        entry = {"title_fr": chapter.fr, "title_nl": chapter.nl}
        for lang in paths:
            start[lang] = _find_page(texts[lang], f"{chapter.number} {getattr(chapter, lang)}", start[lang])
            entry[f"page_{lang}"] = str(start[lang] - first_body[lang] + 1)
            entry[f"physical_{lang}"] = start[lang] + 1
        sections[chapter.number] = entry
        for table in all_tables(chapter):
            for row, values in table_rows(table):
                for year, value in zip(table.years, values, strict=True):
                    figure = {
                        "id": f"{table.key}.{re.sub(r'[^a-z0-9]+', '_', row.en.lower())}.{year}",
                        "source": "table",
                        "table": table.key,
                        "section": chapter.number,
                        "row_fr": row.fr,
                        "row_nl": row.nl,
                        "row_en": row.en,
                        "year": year,
                        "value": value,
                        "unit": table.unit,
                        "caption_fr": CAPTIONS[(table.key, "fr")],
                        "caption_nl": CAPTIONS[(table.key, "nl")],
                    }
                    for lang in paths:
                        cell = format_number(value, lang, table.unit)
                        page = _find_page(texts[lang], CAPTIONS[(table.key, lang)], start[lang])
                        page = _find_page(texts[lang], f"{getattr(row, lang)} ", page)
                        assert (
                            cell in texts[lang][page].replace(NBSP, " ") or cell.replace(NBSP, " ") in texts[lang][page]
                        )
                        figure[f"text_{lang}"] = cell.replace(NBSP, " ")
                        figure[f"page_{lang}"] = str(page - first_body[lang] + 1)
                        figure[f"physical_{lang}"] = page + 1
                    figures.append(figure)
        lead = lead_sentence(chapter, "fr")
        if lead is not None and chapter.table is not None:
            table = chapter.table
            values = table_rows(table)[table.lead_row][1]
            row = table.rows[table.lead_row]
            measures = [("value", values[2], table.unit)]
            if "{p}" in chapter.lead_fr:
                measures.append(("change", change(values, table), "%"))
            for key, value, unit in measures:
                figure = {
                    "id": f"{table.key}.lead.{key}",
                    "source": "prose",
                    "section": chapter.number,
                    "row_fr": row.fr,
                    "row_nl": row.nl,
                    "row_en": row.en,
                    "year": 2023,
                    "value": value,
                    "unit": "points" if key == "change" and table.unit == "%" else unit,
                    "measure": "change_2022_2023" if key == "change" else "value",
                }
                for lang in paths:
                    sentence = lead_sentence(chapter, lang) or ""
                    page = _find_page(texts[lang], sentence, start[lang])
                    figure[f"text_{lang}"] = format_number(value, lang, unit).replace(NBSP, " ")
                    figure[f"sentence_{lang}"] = sentence.replace(NBSP, " ")
                    figure[f"page_{lang}"] = str(page - first_body[lang] + 1)
                    figure[f"physical_{lang}"] = page + 1
                figures.append(figure)
        for prose in chapter.prose_figures:
            figure = {
                "id": prose.key,
                "source": "prose",
                "section": chapter.number,
                "year": prose.year,
                "value": prose.value,
                "unit": prose.unit,
            }
            for lang in paths:
                sentence = getattr(prose, lang).format(v=format_number(prose.value, lang, prose.unit))
                page = _find_page(texts[lang], sentence, start[lang])
                figure[f"text_{lang}"] = sentence.replace(NBSP, " ")
                figure[f"page_{lang}"] = str(page - first_body[lang] + 1)
                figure[f"physical_{lang}"] = page + 1
            figures.append(figure)
    return {
        "note": "Fictitious figures of the sample report; pages are printed page labels.",
        "files": {lang: path.name for lang, path in paths.items()},
        "sections": sections,
        "figures": figures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "samples" / "report")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    paths, first_body = {}, {}
    for language, edition in EDITIONS.items():
        paths[language] = out / str(edition["file"])
        # 0-based index of the first body page: what _page_texts() indexes by
        first_body[language] = write_report(build_spec(language), paths[language]) - 1
    record = record_figures(paths, first_body)
    (out / "figures.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for announcement in (REPO / "docs").glob("announcement-2023.*.md"):
        shutil.copy(announcement, out / announcement.name)
    pages = {lang: len(_page_texts(path)) for lang, path in paths.items()}
    print(f"{out}: {pages} pages, {len(record['figures'])} figures")


if __name__ == "__main__":
    main()
