"""Write the bench: reports on subjects nothing in the product was tuned on, each with its record and questions.

    python scripts/make_bench.py                 # every report (needs reportlab, fpdf2 and chromium)
    python scripts/make_bench.py transport-a     # one
    python scripts/make_bench.py --questions     # only rewrite each report's questions from its figures.json

Each report folder under samples/bench/<id>/ holds its PDFs (a French and a Dutch edition, or one), `figures.json`
(every figure: value, unit, year, month, row, table, section and the printed pages where it stands, found in the
PDF itself after rendering) and `questions.jsonl` (generated from the record alone, by kind: value, prose, change,
change_pct, share, month, busiest_month, total, section, claim_true, claim_false, not_covered, off_topic).
Content is drawn at random from scripts/bench_subjects.py with a seed per report, so a run is reproducible; the
layouts come from three tools (reportlab, fpdf2, Chromium printing HTML) and page numbers, outlines and page
labels are set with PyMuPDF afterwards, in a style drawn per report.
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymupdf
from bench_questions import write_questions
from bench_subjects import MIGRATION, MONTHS, SUBJECTS, MetricRow, Pair, Subject
from make_layout_corpus import print_with_chromium

BENCH = Path(__file__).resolve().parent.parent / "samples" / "bench"
LANGS = ("fr", "nl")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class Plan:
    id: str
    subject: str
    languages: tuple[str, ...]
    tool: str
    year: int
    seed: int
    split: str  # "calibration" (may be looked at and tuned on) or "test" (reported, never tuned on)


# 20 reports: 16 on ten subjects other than migration, 4 on migration in other voices. The split is by report.
PLANS: list[Plan] = [
    Plan("energy-a", "energy", ("fr", "nl"), "reportlab", 2024, 11, "calibration"),
    Plan("transport-a", "transport", ("fr", "nl"), "chromium", 2023, 12, "calibration"),
    Plan("hospital-a", "hospital", ("fr",), "fpdf2", 2024, 13, "calibration"),
    Plan("court-a", "court", ("nl",), "reportlab", 2023, 14, "calibration"),
    Plan("reception-a", "reception", ("fr", "nl"), "chromium", 2024, 15, "calibration"),
    Plan("employment-a", "employment", ("fr", "nl"), "reportlab", 2024, 21, "test"),
    Plan("statistics-a", "statistics", ("fr", "nl"), "fpdf2", 2023, 22, "test"),
    Plan("city-a", "city", ("fr",), "chromium", 2025, 23, "test"),
    Plan("water-a", "water", ("fr", "nl"), "reportlab", 2024, 24, "test"),
    Plan("fire-a", "fire", ("nl",), "chromium", 2024, 25, "test"),
    Plan("housing-a", "housing", ("fr", "nl"), "fpdf2", 2023, 26, "test"),
    Plan("transport-b", "transport", ("fr", "nl"), "fpdf2", 2025, 27, "test"),
    Plan("energy-b", "energy", ("fr",), "chromium", 2023, 28, "test"),
    Plan("hospital-b", "hospital", ("fr", "nl"), "reportlab", 2023, 29, "test"),
    Plan("court-b", "court", ("fr", "nl"), "chromium", 2024, 30, "test"),
    Plan("employment-b", "employment", ("nl",), "fpdf2", 2023, 31, "test"),
    Plan("city-b", "city", ("fr", "nl"), "reportlab", 2024, 32, "test"),
    Plan("migration-stats-a", "migration_stats", ("fr", "nl"), "reportlab", 2023, 33, "test"),
    Plan("parliament-a", "parliament", ("fr",), "fpdf2", 2024, 34, "test"),
    Plan("reception-b", "reception", ("fr", "nl"), "fpdf2", 2023, 35, "test"),
]

UNITS: dict[str, dict[str, str]] = {
    "": {"fr": "", "nl": ""},
    "%": {"fr": "%", "nl": "%"},
    "Meur": {"fr": "millions d'euros", "nl": "miljoen euro"},
    "eur": {"fr": "€", "nl": "euro"},
    "FTE": {"fr": "ETP", "nl": "VTE"},
    "days": {"fr": "jours", "nl": "dagen"},
    "min": {"fr": "minutes", "nl": "minuten"},
    "h": {"fr": "heures", "nl": "uur"},
    "MW": {"fr": "MW", "nl": "MW"},
    "km": {"fr": "km", "nl": "km"},
    "Mm3": {"fr": "millions de m³", "nl": "miljoen m³"},
    "m3/h": {"fr": "m³/h", "nl": "m³/h"},
}

FILLER: dict[str, list[str]] = {
    "fr": [
        "Cette évolution s'explique par plusieurs facteurs, dont l'adaptation des procédures internes.",
        "Les équipes ont travaillé en étroite collaboration avec les partenaires institutionnels.",
        "Une attention particulière a été accordée à la qualité du service rendu au public.",
        "La numérisation des dossiers s'est poursuivie tout au long de l'année.",
        "Plusieurs groupes de travail ont été mis en place pour améliorer la coordination.",
        "Les résultats obtenus confirment la pertinence des choix opérés les années précédentes.",
        "Le contexte budgétaire est resté contraint, ce qui a imposé des priorités claires.",
        "Des formations ont été organisées pour permettre au personnel de s'approprier les nouveaux outils.",
        "La communication vers le public a été renforcée, notamment par le site internet.",
        "Les indicateurs de suivi sont présentés dans les tableaux de cette section.",
        "Un comité de pilotage se réunit chaque trimestre pour évaluer l'avancement des projets.",
        "Les chiffres présentés proviennent des bases de données administratives de l'organisation.",
        "Ces données sont provisoires et peuvent être revues lors de la prochaine publication.",
        "La collaboration avec les autorités locales a permis de résoudre plusieurs difficultés pratiques.",
    ],
    "nl": [
        "Deze evolutie heeft verschillende oorzaken, waaronder de aanpassing van de interne procedures.",
        "De teams werkten nauw samen met de institutionele partners.",
        "Er ging bijzondere aandacht naar de kwaliteit van de dienstverlening aan het publiek.",
        "De digitalisering van de dossiers werd het hele jaar voortgezet.",
        "Er werden verschillende werkgroepen opgericht om de coördinatie te verbeteren.",
        "De behaalde resultaten bevestigen de keuzes die de voorbije jaren werden gemaakt.",
        "De budgettaire context bleef krap, wat duidelijke prioriteiten vereiste.",
        "Er werden opleidingen georganiseerd zodat het personeel de nieuwe instrumenten leerde gebruiken.",
        "De communicatie naar het publiek werd versterkt, onder meer via de website.",
        "De opvolgingsindicatoren staan in de tabellen van dit deel.",
        "Een stuurgroep komt elk kwartaal samen om de voortgang van de projecten te beoordelen.",
        "De cijfers komen uit de administratieve databanken van de organisatie.",
        "Deze gegevens zijn voorlopig en kunnen bij de volgende publicatie worden herzien.",
        "Dankzij de samenwerking met de lokale overheden werden verschillende praktische problemen opgelost.",
    ],
}

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "table": "Tableau",
        "chart": "Graphique",
        "source": "Source",
        "total": "Total",
        "month": "Mois",
        "year": "Année",
        "share": "Part (%)",
        "count": "Nombre",
        "diff": "Différence",
        "diffpct": "Évolution (%)",
        "contents": "Table des matières",
        "foreword": "Avant-propos",
        "annex": "Annexe méthodologique",
        "other": "Autres",
        "provisional": "Chiffre provisoire.",
        "in": "en",
        "unit": "en",
        "subtotal": "Sous-total",
        "operating": "fonctionnement",
        "investment": "investissement",
        "budget": "Budget",
    },
    "nl": {
        "table": "Tabel",
        "chart": "Grafiek",
        "source": "Bron",
        "total": "Totaal",
        "month": "Maand",
        "year": "Jaar",
        "share": "Aandeel (%)",
        "count": "Aantal",
        "diff": "Verschil",
        "diffpct": "Evolutie (%)",
        "contents": "Inhoud",
        "foreword": "Voorwoord",
        "annex": "Methodologische bijlage",
        "other": "Andere",
        "provisional": "Voorlopig cijfer.",
        "in": "in",
        "unit": "in",
        "subtotal": "Subtotaal",
        "operating": "werking",
        "investment": "investeringen",
        "budget": "Begroting",
    },
}


# ----------------------------------------------------------------------------------------------- numbers


def fmt(value: float, decimals: int, lang: str, space: str = " ") -> str:
    """A figure as the report prints it: "12 345,6" in French (space chosen per report), "12.345,6" in Dutch."""
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", space if lang == "fr" else ".")
    out = f"{whole},{fraction}" if fraction else whole
    return ("-" if value < 0 else "") + out


def with_unit(value: float, decimals: int, unit: str, lang: str, space: str) -> str:
    number = fmt(value, decimals, lang, space)
    word = UNITS[unit][lang]
    if unit == "%":
        return f"{number} %"
    if unit == "eur":
        return f"{number} €" if lang == "fr" else f"€ {number}"
    return f"{number} {word}".strip()


def draw(rng: random.Random, metric: MetricRow) -> float:
    _, _, _, _, unit, low, high, decimals = metric
    value = rng.uniform(low, high)
    return round(value, decimals) if decimals else float(round(value))


def official(names: str) -> str:
    return names.split("|")[0]


def names_of(metric: MetricRow) -> dict[str, str]:
    return {"fr": metric[1], "nl": metric[2], "en": metric[3]}


# ----------------------------------------------------------------------------------------------- content


@dataclass
class Table:
    number: str
    caption: dict[str, str]
    header: dict[str, list[str]]
    rows: dict[str, list[list[str]]]
    source: dict[str, str]
    notes: dict[str, list[str]] = field(default_factory=dict)
    bold_rows: set[int] = field(default_factory=set)
    small: bool = False


@dataclass
class Chart:
    number: str
    caption: dict[str, str]
    labels: list[str]
    values: list[float]
    shown: dict[str, list[str]]


@dataclass
class Block:
    kind: str  # heading | para | table | chart | break
    text: dict[str, str] = field(default_factory=dict)
    level: int = 1
    number: str = ""
    table: Table | None = None
    chart: Chart | None = None
    columns: int = 1  # a two-column passage (chromium only)


@dataclass
class Builder:
    plan: Plan
    subject: Subject
    rng: random.Random
    space: str
    blocks: list[Block] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    absent: list[dict[str, Any]] = field(default_factory=list)
    tables: int = 0
    charts: int = 0
    section: str = ""
    used: set[str] = field(default_factory=set)

    # -- small helpers
    def t(self, fr: str, nl: str) -> dict[str, str]:
        return {"fr": fr, "nl": nl}

    def num(self, value: float, decimals: int) -> dict[str, str]:
        return {lang: fmt(value, decimals, lang, self.space) for lang in LANGS}

    def unit_num(self, value: float, metric: MetricRow) -> dict[str, str]:
        return {lang: with_unit(value, metric[7], metric[4], lang, self.space) for lang in LANGS}

    def heading(self, number: str, title: Pair, level: int = 1) -> None:
        self.section = number
        titles = {"fr": official(title[0]), "nl": official(title[1]), "en": official(title[2])}
        everyday = {"fr": title[0].split("|")[-1], "nl": title[1].split("|")[-1], "en": title[2].split("|")[-1]}
        self.sections.append({"number": number, "title": titles, "everyday": everyday, "level": level})
        self.blocks.append(Block("heading", {lang: f"{number}. {titles[lang]}" for lang in LANGS}, level, number))

    def para(self, text: dict[str, str], columns: int = 1) -> None:
        self.blocks.append(Block("para", text, columns=columns))

    def filler(self, count: int, paragraphs: int = 1) -> None:
        """Prose without figures (several paragraphs of `count` sentences): reports are mostly words."""
        for _ in range(paragraphs):
            picks = self.rng.sample(range(len(FILLER["fr"])), count)
            self.para({lang: " ".join(FILLER[lang][i] for i in picks) for lang in LANGS})

    def activity(self) -> None:
        if not self.subject.activities:
            return self.filler(2)
        fr, nl, _ = self.rng.choice(self.subject.activities)
        org = self.subject.org
        self.para(
            {
                "fr": f"Au cours de l'année, {org[0].lower() if org[0].startswith('Zone') else 'l’organisation'} "
                f"{fr}. " + " ".join(self.rng.sample(FILLER["fr"], 2)),
                "nl": f"In de loop van het jaar {nl} de organisatie. " + " ".join(self.rng.sample(FILLER["nl"], 2)),
            }
        )

    def fact(
        self,
        metric: MetricRow,
        value: float,
        year: int | None,
        source: str,
        anchor: dict[str, str],
        table: str = "",
        **extra: Any,
    ) -> dict[str, Any]:
        fact = {
            "id": f"f{len(self.facts) + 1:03d}",
            "metric": metric[0],
            "names": names_of(metric),
            "unit": metric[4],
            "value": value,
            "decimals": metric[7],
            "year": year,
            "source": source,
            "table": table,
            "section": self.section,
            "display": self.num(value, metric[7]),
            "anchor": anchor,
            **extra,
        }
        self.facts.append(fact)
        self.used.add(metric[0].removesuffix("_m"))
        return fact

    def new_table(self) -> str:
        self.tables += 1
        return f"{self.section}.{self.tables}" if self.rng.random() < 0.5 else str(self.tables)

    def caption(self, number: str, fr: str, nl: str) -> dict[str, str]:
        style = self.rng.choice(["{w} {n} : {c}", "{w} {n}. {c}", "{w} {n} – {c}", "{c}"])
        cap = {
            "fr": style.format(w=WORDS["fr"]["table"], n=number, c=fr).replace(" : ", " : "),
            "nl": style.format(w=WORDS["nl"]["table"], n=number, c=nl).replace(" : ", ": "),
        }
        return cap

    def source_line(self) -> dict[str, str]:
        org = self.subject.acronym
        return {
            "fr": f"{WORDS['fr']['source']} : {org[0]}, données administratives.",
            "nl": f"{WORDS['nl']['source']}: {org[1]}, administratieve gegevens.",
        }


def unit_label(metric: MetricRow, lang: str) -> str:
    word = UNITS[metric[4]][lang]
    return (
        f" ({WORDS[lang]['unit']} {word})" if word and metric[4] not in ("%",) else (" (%)" if metric[4] == "%" else "")
    )


def years_table(
    b: Builder, metrics: list[MetricRow], years: list[int], with_change: bool, footnote: bool
) -> dict[str, dict[int, float]]:
    """Metrics as rows, years as columns, optionally a difference and an evolution column."""
    number = b.new_table()
    topic = b.sections[-1]["title"]
    caption = b.caption(
        number,
        f"{topic['fr']} : principaux indicateurs, {years[0]}-{years[-1]}",
        f"{topic['nl']}: belangrijkste indicatoren, {years[0]}-{years[-1]}",
    )
    header = {lang: ["", *map(str, years)] for lang in LANGS}
    if with_change:
        for lang in LANGS:
            header[lang] += [WORDS[lang]["diff"], WORDS[lang]["diffpct"]]
    rows: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    values: dict[str, dict[int, float]] = {}
    notes: dict[str, list[str]] = {lang: [] for lang in LANGS}
    footnoted = b.rng.randrange(len(metrics)) if footnote else -1
    for r, metric in enumerate(metrics):
        series = {y: draw(b.rng, metric) for y in years}
        values[metric[0]] = series
        label = {lang: official(names_of(metric)[lang]).capitalize() + unit_label(metric, lang) for lang in LANGS}
        cells = {lang: [label[lang]] for lang in LANGS}
        for y in years:
            shown = b.num(series[y], metric[7])
            marked = footnoted == r and y == years[-1]
            for lang in LANGS:
                cells[lang].append(shown[lang] + ("¹" if marked else ""))
            b.fact(metric, series[y], y, "table", label, number, row=label, footnoted=marked)
        if with_change:
            diff = round(series[years[-1]] - series[years[-2]], metric[7])
            pct = round(100 * diff / series[years[-2]], 1)
            for lang in LANGS:
                cells[lang] += [
                    ("+" if diff > 0 else "") + fmt(diff, metric[7], lang, b.space),
                    ("+" if pct > 0 else "") + fmt(pct, 1, lang, b.space),
                ]
        for lang in LANGS:
            rows[lang].append(cells[lang])
    if footnote:
        notes = {lang: [f"¹ {WORDS[lang]['provisional']}"] for lang in LANGS}
    b.blocks.append(Block("table", table=Table(number, caption, header, rows, b.source_line(), notes)))
    return values


def years_rows_table(b: Builder, metric: MetricRow, years: list[int]) -> dict[int, float]:
    """Years as rows: one metric and its change on the year before, in %."""
    number = b.new_table()
    name = names_of(metric)
    caption = b.caption(
        number,
        f"{official(name['fr']).capitalize()}, évolution {years[0]}-{years[-1]}",
        f"{official(name['nl']).capitalize()}, evolutie {years[0]}-{years[-1]}",
    )
    header = {
        lang: [
            WORDS[lang]["year"],
            official(name[lang]).capitalize() + unit_label(metric, lang),
            WORDS[lang]["diffpct"],
        ]
        for lang in LANGS
    }
    rows: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    values: dict[int, float] = {}
    pct_metric: MetricRow = (
        metric[0] + "_pct",
        "évolution|variation",
        "evolutie|verandering",
        "change|change",
        "%",
        0,
        0,
        1,
    )
    for y in years:
        values[y] = draw(b.rng, metric)
        label = {lang: str(y) for lang in LANGS}
        b.fact(metric, values[y], y, "table", label, number, row=label)
        change = ""
        if y - 1 in values:
            pct = round(100 * (values[y] - values[y - 1]) / values[y - 1], 1)
            b.fact(
                pct_metric,
                pct,
                y,
                "table",
                label,
                number,
                row=label,
                role="change_pct",
                of=metric[0],
                of_names=name,
                since=y - 1,
            )
            change = ("+" if pct > 0 else "") + "{}"
            change = {lang: change.format(fmt(pct, 1, lang, b.space)) for lang in LANGS}  # type: ignore[assignment]
        for lang in LANGS:
            rows[lang].append([str(y), fmt(values[y], metric[7], lang, b.space), change[lang] if change else "–"])
    b.blocks.append(Block("table", table=Table(number, caption, header, rows, b.source_line())))
    return values


def monthly_table(b: Builder, metric: MetricRow, years: list[int], months_as_rows: bool) -> dict[int, float]:
    number = b.new_table()
    name = names_of(metric)
    caption = b.caption(
        number,
        f"{official(name['fr']).capitalize()} par mois, {years[0]}-{years[-1]}",
        f"{official(name['nl']).capitalize()} per maand, {years[0]}-{years[-1]}",
    )
    series = {y: [draw(b.rng, metric) for _ in range(12)] for y in years}
    # One clear busiest month per year, so "which month had the most" has one answer.
    for y in years:
        top = b.rng.randrange(12)
        series[y][top] = round(max(series[y]) * 1.12)
    totals = {y: float(sum(series[y])) for y in years}
    rows: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    total_label = {lang: WORDS[lang]["total"] for lang in LANGS}
    if months_as_rows:
        header = {lang: [WORDS[lang]["month"], *map(str, years)] for lang in LANGS}
        for m in range(12):
            label = {lang: MONTHS[lang][m].capitalize() for lang in LANGS}
            for lang in LANGS:
                rows[lang].append([label[lang], *[fmt(series[y][m], 0, lang, b.space) for y in years]])
            for y in years:
                b.fact(metric, series[y][m], y, "table", label, number, month=m + 1, row=label)
        for lang in LANGS:
            rows[lang].append([total_label[lang], *[fmt(totals[y], 0, lang, b.space) for y in years]])
        bold = {12}
    else:
        header = {
            lang: [
                "",
                *[MONTHS[lang][m][:3] + "." if len(MONTHS[lang][m]) > 4 else MONTHS[lang][m] for m in range(12)],
                WORDS[lang]["total"],
            ]
            for lang in LANGS
        }
        for y in years:
            label = {lang: str(y) for lang in LANGS}
            for lang in LANGS:
                rows[lang].append(
                    [str(y), *[fmt(v, 0, lang, b.space) for v in series[y]], fmt(totals[y], 0, lang, b.space)]
                )
            for m in range(12):
                b.fact(metric, series[y][m], y, "table", label, number, month=m + 1, row=label)
        bold = set()
    for y in years:
        b.fact(
            metric,
            totals[y],
            y,
            "table",
            total_label if months_as_rows else {lang: str(y) for lang in LANGS},
            number,
            role="total",
            row=total_label,
        )
    table = Table(number, caption, header, rows, b.source_line(), bold_rows=bold, small=not months_as_rows)
    b.blocks.append(Block("table", table=table))
    return totals


def category_table(b: Builder, metric: MetricRow, year: int, prev: int, with_share: bool) -> None:
    """A breakdown by category with its total: a count and a % column for one year, or counts for two years."""
    number = b.new_table()
    (label_fr, label_nl, _), names = b.subject.categories
    many = len(names) > 12
    chosen = b.rng.sample(names, 18 if many else min(len(names) - 2, 6))
    left_out = [n for n in names if n not in chosen]
    b.absent.append(
        {
            "kind": "category",
            "metric": metric[0],
            "names": names_of(metric),
            "year": year,
            "category": dict(zip(("fr", "nl", "en"), b.rng.choice(left_out), strict=True)),
            "table": number,
        }
    )
    name = names_of(metric)
    unit = unit_label(metric, "fr"), unit_label(metric, "nl")
    caption = b.caption(
        number,
        f"{official(name['fr']).capitalize()} {label_fr}{unit[0]}, {year}"
        if with_share
        else f"{official(name['fr']).capitalize()} {label_fr}{unit[0]}, {prev}-{year}",
        f"{official(name['nl']).capitalize()} {label_nl}{unit[1]}, {year}"
        if with_share
        else f"{official(name['nl']).capitalize()} {label_nl}{unit[1]}, {prev}-{year}",
    )
    years = [year] if with_share else [prev, year]
    values = {y: [draw(b.rng, metric) for _ in chosen] for y in years}
    for y in years:
        values[y].sort(reverse=True)
    other = {y: draw(b.rng, metric) * 0.3 for y in years}
    totals = {y: float(round(sum(values[y]) + round(other[y]), metric[7])) for y in years}
    rows: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    if with_share:
        header = {lang: ["", WORDS[lang]["count"], WORDS[lang]["share"]] for lang in LANGS}
    else:
        header = {lang: ["", *map(str, years)] for lang in LANGS}
    for i, cat in enumerate(chosen):
        label = {"fr": cat[0], "nl": cat[1]}
        category = {"fr": cat[0], "nl": cat[1], "en": cat[2]}
        for y in years:
            b.fact(metric, values[y][i], y, "table", label, number, category=category, row=label)
        if with_share:
            share = round(100 * values[year][i] / totals[year], 1)
            b.fact(
                ("share", "part", "aandeel", "share", "%", 0, 100, 1),
                share,
                year,
                "table",
                label,
                number,
                category=category,
                row=label,
                role="share",
                of=metric[0],
                of_names=name,
            )
            for lang in LANGS:
                rows[lang].append(
                    [label[lang], fmt(values[year][i], metric[7], lang, b.space), fmt(share, 1, lang, b.space)]
                )
        else:
            for lang in LANGS:
                rows[lang].append([label[lang], *[fmt(values[y][i], metric[7], lang, b.space) for y in years]])
    for lang in LANGS:
        rest = [fmt(round(other[y]), metric[7], lang, b.space) for y in years]
        rows[lang].append(
            [
                WORDS[lang]["other"],
                *(
                    rest
                    + ([fmt(round(100 * round(other[year]) / totals[year], 1), 1, lang, b.space)] if with_share else [])
                ),
            ]
        )
        rows[lang].append(
            [
                WORDS[lang]["total"],
                *[fmt(totals[y], metric[7], lang, b.space) for y in years],
                *(["100,0"] if with_share else []),
            ]
        )
    total_label = {lang: WORDS[lang]["total"] for lang in LANGS}
    for y in years:
        b.fact(
            metric,
            totals[y],
            y,
            "table",
            total_label,
            number,
            role="total",
            row=total_label,
            breakdown=b.subject.categories[0][2],
        )
    table = Table(number, caption, header, rows, b.source_line(), bold_rows={len(chosen) + 1})
    b.blocks.append(Block("table", table=table))


def entity_table(b: Builder, year: int) -> None:
    """Several measures per entity (two entities named alike); one measure is left out and asked about."""
    number = b.new_table()
    measures = list(b.subject.measures)
    missing = measures.pop(b.rng.randrange(1, len(measures)))
    entities = b.subject.entities
    kind = b.subject.entity
    caption = b.caption(
        number, f"{kind[0].capitalize()}s : données {year}", f"{kind[1].capitalize()}s: gegevens {year}"
    )
    header = {
        lang: [
            kind[0 if lang == "fr" else 1].capitalize(),
            *[official(names_of(m)[lang]).capitalize() + unit_label(m, lang) for m in measures],
        ]
        for lang in LANGS
    }
    rows: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    for entity in entities:
        label = {"fr": entity[0], "nl": entity[1]}
        named = {"fr": entity[0], "nl": entity[1], "en": entity[2]}
        cells = {lang: [label[lang]] for lang in LANGS}
        for measure in measures:
            value = draw(b.rng, measure)
            shown = b.num(value, measure[7])
            for lang in LANGS:
                cells[lang].append(shown[lang])
            b.fact(measure, value, year, "table", label, number, entity=named, row=label, role="measure")
        for lang in LANGS:
            rows[lang].append(cells[lang])
        b.absent.append(
            {
                "kind": "measure",
                "metric": missing[0],
                "names": names_of(missing),
                "year": year,
                "entity": named,
                "table": number,
                "given": [names_of(m) for m in measures],
            }
        )
    b.used.update(m[0] for m in b.subject.measures)
    b.blocks.append(Block("table", table=Table(number, caption, header, rows, b.source_line())))


def budget_table(b: Builder, years: list[int]) -> None:
    number = b.new_table()
    caption = b.caption(
        number,
        f"Budget {years[0]}-{years[1]} (en millions d'euros)",
        f"Begroting {years[0]}-{years[1]} (in miljoen euro)",
    )
    header = {lang: ["", *map(str, years)] for lang in LANGS}
    rows: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    bold: set[int] = set()
    lines = b.subject.budget_lines
    groups = [
        (WORDS["fr"]["operating"], WORDS["nl"]["operating"], lines[:4]),
        (WORDS["fr"]["investment"], WORDS["nl"]["investment"], lines[4:]),
    ]
    grand = dict.fromkeys(years, 0.0)
    for group_fr, group_nl, members in groups:
        sub = dict.fromkeys(years, 0.0)
        for line in members:
            metric: MetricRow = ("budget", line[0], line[1], line[2], "Meur", 1, 60, 1)
            label = {"fr": line[0], "nl": line[1]}
            cells = {lang: [label[lang]] for lang in LANGS}
            for y in years:
                value = draw(b.rng, metric)
                sub[y] += value
                for lang in LANGS:
                    cells[lang].append(fmt(value, 1, lang, b.space))
                b.fact(
                    metric,
                    value,
                    y,
                    "table",
                    label,
                    number,
                    row=label,
                    budget_line=dict(zip(("fr", "nl", "en"), line, strict=True)),
                )
            for lang in LANGS:
                rows[lang].append(cells[lang])
        label = {"fr": f"{WORDS['fr']['subtotal']} {group_fr}", "nl": f"{WORDS['nl']['subtotal']} {group_nl}"}
        for lang in LANGS:
            rows[lang].append([label[lang], *[fmt(round(sub[y], 1), 1, lang, b.space) for y in years]])
        bold.add(len(rows["fr"]) - 1)
        for y in years:
            grand[y] += round(sub[y], 1)
    total = {lang: WORDS[lang]["total"] for lang in LANGS}
    for lang in LANGS:
        rows[lang].append([total[lang], *[fmt(round(grand[y], 1), 1, lang, b.space) for y in years]])
    bold.add(len(rows["fr"]) - 1)
    metric = (
        "budget_total",
        "budget total|budget|dépenses totales",
        "totale begroting|begroting|totale uitgaven",
        "total budget|budget|total spending",
        "Meur",
        0,
        0,
        1,
    )
    for y in years:
        b.fact(metric, round(grand[y], 1), y, "table", total, number, role="total", row=total)
    b.blocks.append(Block("table", table=Table(number, caption, header, rows, b.source_line(), bold_rows=bold)))


def chart(b: Builder, metric: MetricRow, series: dict[int, float]) -> None:
    b.charts += 1
    number = str(b.charts + b.rng.randrange(2, 6))
    name = names_of(metric)
    caption = {
        "fr": f"{WORDS['fr']['chart']} {number} : {official(name['fr'])}",
        "nl": f"{WORDS['nl']['chart']} {number}: {official(name['nl'])}",
    }
    years = sorted(series)
    shown = {lang: [fmt(series[y], metric[7], lang, b.space) for y in years] for lang in LANGS}
    b.blocks.append(
        Block("chart", chart=Chart(number, caption, [str(y) for y in years], [series[y] for y in years], shown))
    )


def prose_figures(b: Builder, metric: MetricRow, year: int, beside_table: dict[int, float] | None) -> None:
    """A figure stated in a sentence: beside the table that holds it, or only here (with the year before)."""
    name = names_of(metric)
    values = beside_table or {year: draw(b.rng, metric), year - 1: draw(b.rng, metric)}
    now, before = values[year], values[year - 1]
    shown_now, shown_before = b.unit_num(now, metric), b.unit_num(before, metric)
    up = now > before
    fr_name, nl_name = official(name["fr"]), official(name["nl"])
    templates_fr = [
        f"En {year}, le nombre de {fr_name} s'est établi à {shown_now['fr']}, "
        f"contre {shown_before['fr']} l'année précédente.",
        f"Avec {shown_now['fr']} en {year} ({shown_before['fr']} en {year - 1}), "
        f"les {fr_name} sont {'en hausse' if up else 'en baisse'}.",
        f"On a relevé {shown_now['fr']} ({fr_name}) en {year}, après {shown_before['fr']} en {year - 1}.",
    ]
    templates_nl = [
        f"In {year} bedroeg het aantal {nl_name} {shown_now['nl']}, tegenover {shown_before['nl']} een jaar eerder.",
        f"Met {shown_now['nl']} in {year} ({shown_before['nl']} in {year - 1}) "
        f"{'stegen' if up else 'daalden'} de {nl_name}.",
        f"Er werden in {year} {shown_now['nl']} ({nl_name}) opgetekend, na {shown_before['nl']} in {year - 1}.",
    ]
    pick = b.rng.randrange(3)
    b.para(
        {
            "fr": templates_fr[pick] + " " + b.rng.choice(FILLER["fr"]),
            "nl": templates_nl[pick] + " " + b.rng.choice(FILLER["nl"]),
        }
    )
    anchor = {"fr": fr_name, "nl": nl_name}
    if beside_table is None:
        b.fact(metric, now, year, "prose", anchor)
        b.fact(metric, before, year - 1, "prose", anchor)


def programme_prose(b: Builder, year: int) -> None:
    """Two programmes named alike, each with a figure since its start and one for the year."""
    metric = b.subject.programme_metric
    name = names_of(metric)
    base = b.subject.programme
    for suffix, start in (("", year - b.rng.randrange(4, 8)), (" Plus", year - b.rng.randrange(1, 3))):
        this_year = draw(b.rng, metric)
        since = float(round(this_year * (year - start + 1) * b.rng.uniform(0.7, 0.95)))
        prog = {
            "fr": base[0] + suffix,
            "nl": base[1] + suffix,
            "en": base[2].replace(" programme", suffix + " programme") if "programme" in base[2] else base[2] + suffix,
        }
        fr_n, nl_n = official(name["fr"]), official(name["nl"])
        b.para(
            {
                "fr": f"Depuis son lancement en {start}, le {prog['fr']} a comptabilisé {fmt(since, 0, 'fr', b.space)} "
                f"{fr_n}, dont {fmt(this_year, 0, 'fr', b.space)} en {year}.",
                "nl": f"Sinds de start in {start} telde het {prog['nl']} {fmt(since, 0, 'nl', b.space)} {nl_n}, "
                f"waarvan {fmt(this_year, 0, 'nl', b.space)} in {year}.",
            }
        )
        anchor = {"fr": prog["fr"], "nl": prog["nl"]}
        b.fact(metric, since, None, "prose", anchor, programme=prog, role="since_start", start=start)
        b.fact(metric, this_year, year, "prose", anchor, programme=prog, role="programme_year")
    b.absent.append(
        {
            "kind": "programme_future",
            "metric": metric[0],
            "names": name,
            "year": year + 2,
            "programme": {"fr": base[0], "nl": base[1], "en": base[2]},
        }
    )


def build(plan: Plan, subject: Subject) -> Builder:
    rng = random.Random(plan.seed)
    space = rng.choice([" ", "\u00a0", " ", "\u202f"])
    b = Builder(plan, subject, rng, space)
    year = plan.year
    monthly = subject.monthly[0]
    monthly_base = monthly[0].removesuffix("_m")
    # The monthly metric is stated only in its monthly table (its total row is the year's figure), so no other
    # table can state a different figure for the same words.
    metrics = [m for m in subject.metrics if m[0] != monthly_base]
    rng.shuffle(metrics)
    in_categories = next((m for m in metrics if m[4] == ""), None) or next(m for m in metrics if m[4] == "Meur")
    metrics.remove(in_categories)
    in_years_table, in_rows_table, in_prose = metrics[:3], metrics[3:4], metrics[4:6]
    years = [year - 2, year - 1, year]
    org = subject.org
    # Foreword
    b.heading("1", (WORDS["fr"]["foreword"], WORDS["nl"]["foreword"], "Foreword"))
    director = subject.directors
    b.para(
        {
            "fr": f"Ce rapport présente l'activité de l'organisation ({org[0]}, {subject.acronym[0]}) en {year}. "
            f"Il est publié sous la responsabilité de {director[0]}. " + " ".join(rng.sample(FILLER["fr"], 3)),
            "nl": f"Dit verslag beschrijft de activiteiten van de organisatie ({org[1]}, {subject.acronym[1]}) "
            f"in {year}. "
            f"Het wordt gepubliceerd onder de verantwoordelijkheid van {director[1]}. "
            + " ".join(rng.sample(FILLER["nl"], 3)),
        }
    )
    programme_prose(b, year)
    b.filler(4, paragraphs=3)
    b.blocks.append(Block("break"))
    b.heading(
        "1.1",
        (
            "Faits marquants de l'année|faits marquants",
            "Hoogtepunten van het jaar|hoogtepunten",
            "Highlights of the year|highlights",
        ),
        level=2,
    )
    for _ in range(3):
        b.activity()
        b.filler(4, paragraphs=2)
    topics = subject.topics
    for index, topic in enumerate(topics, start=2):
        b.blocks.append(Block("break"))
        b.heading(str(index), topic)
        b.tables = 0
        b.filler(rng.randrange(3, 6), paragraphs=rng.randrange(3, 6))
        if index == 2:
            values = years_table(b, in_years_table, years, rng.random() < 0.6, rng.random() < 0.7)
            prose_figures(b, in_years_table[0], year, values[in_years_table[0][0]])
            b.activity()
            chart(b, in_years_table[1], values[in_years_table[1][0]])
            b.filler(4, paragraphs=3)
        elif index == 3:
            b.heading(
                f"{index}.1",
                (
                    f"Suivi mensuel|{official(monthly[1])} par mois",
                    f"Maandelijkse opvolging|{official(monthly[2])} per maand",
                    f"Monthly follow-up|{official(monthly[3])} per month",
                ),
                level=2,
            )
            monthly_table(b, monthly, [year - 1, year], rng.random() < 0.6)
            b.filler(4, paragraphs=2)
            b.heading(
                f"{index}.2",
                (
                    f"{official(in_prose[0][1]).capitalize()}|{in_prose[0][1].split('|')[-1]}",
                    f"{official(in_prose[0][2]).capitalize()}|{in_prose[0][2].split('|')[-1]}",
                    f"{official(in_prose[0][3]).capitalize()}|{in_prose[0][3].split('|')[-1]}",
                ),
                level=2,
            )
            prose_figures(b, in_prose[0], year, None)
            b.filler(4, paragraphs=4)
        elif index == 4:
            category_table(b, in_categories, year, year - 1, with_share=True)
            b.filler(4, paragraphs=4)
            b.activity()
        elif index == 5:
            entity_table(b, year)
            b.filler(4, paragraphs=3)
            prose_figures(b, in_prose[1], year, None)
            b.activity()
            b.filler(5, paragraphs=3)
        else:
            rows_values = years_rows_table(b, in_rows_table[0], [year - 4, year - 3, year - 2, year - 1, year])
            prose_figures(b, in_rows_table[0], year, rows_values)
            if subject.budget_lines:
                budget_table(b, [year - 1, year])
            b.filler(4, paragraphs=4)
    b.blocks.append(Block("break"))
    b.heading(str(len(topics) + 2), ("Perspectives|l'avenir", "Vooruitzichten|de toekomst", "Outlook|the future"))
    b.filler(5, paragraphs=5)
    b.activity()
    b.blocks.append(Block("break"))
    b.heading(str(len(topics) + 3), (WORDS["fr"]["annex"], WORDS["nl"]["annex"], "Methodological annex"))
    b.filler(5, paragraphs=6)
    # Metrics of the subject the report never states: asked about, to be refused.
    for metric in subject.metrics:
        if metric[0] not in b.used:
            b.absent.append({"kind": "metric", "metric": metric[0], "names": names_of(metric), "year": year})
    b.absent.append(
        {"kind": "old_year", "metric": in_years_table[0][0], "names": names_of(in_years_table[0]), "year": year - 7}
    )
    return b


# ----------------------------------------------------------------------------------------------- rendering


def render_reportlab(b: Builder, lang: str, target: Path) -> None:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    accent = colors.HexColor(b.rng.choice(["#1f4e79", "#7a1f3d", "#2e6b30", "#5b3a8c"]))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10.5, leading=15, spaceAfter=9, alignment=4)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#555555"))
    h1 = ParagraphStyle("h1", fontName="DejaVu-Bold", fontSize=16, leading=20, textColor=accent, spaceAfter=10)
    h2 = ParagraphStyle("h2", fontName="DejaVu-Bold", fontSize=12, leading=16, textColor=accent, spaceAfter=6)
    cap = ParagraphStyle("cap", fontName="DejaVu-Bold", fontSize=9, leading=12, spaceBefore=6, spaceAfter=4)
    story: list[Any] = front_matter_reportlab(b, lang, h1, body)
    for block in b.blocks:
        if block.kind == "break":
            story.append(PageBreak())
        elif block.kind == "heading":
            story.append(Paragraph(html.escape(block.text[lang]), h1 if block.level == 1 else h2))
        elif block.kind == "para":
            story.append(Paragraph(html.escape(block.text[lang]), body))
        elif block.kind == "table" and block.table:
            table = block.table
            story.append(Paragraph(html.escape(table.caption[lang]), cap))
            size = 6.5 if table.small else 8.5
            cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=size, leading=size + 2)
            columns = len(table.header[lang])
            if table.small:  # a wide table of short cells: plain strings, never wrapped inside a figure
                data = [list(table.header[lang]), *[[c.replace("¹", "") for c in row] for row in table.rows[lang]]]
                widths = [1.5 * cm] + [(16.5 - 1.5) / (columns - 1) * cm] * (columns - 1)
            else:
                data = [[Paragraph(html.escape(h), cell) for h in table.header[lang]]]
                data += [
                    [Paragraph(html.escape(c).replace("¹", "<super>1</super>"), cell) for c in row]
                    for row in table.rows[lang]
                ]
                widths = [6 * cm] + [(16.5 - 6) / (columns - 1) * cm] * (columns - 1)
            grid = LongTable(data, repeatRows=1, colWidths=widths)
            style = [
                ("BACKGROUND", (0, 0), (-1, 0), accent),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("FONTNAME", (0, 0), (-1, -1), "DejaVu"),
                ("FONTSIZE", (0, 0), (-1, -1), size),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, accent),
            ]
            style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#eef2f7")) for r in range(2, len(data), 2)]
            style += [("FONTNAME", (0, r + 1), (-1, r + 1), "DejaVu-Bold") for r in table.bold_rows]
            grid.setStyle(TableStyle(style))
            story.append(grid)
            story.append(Paragraph(html.escape(table.source[lang]), small))
            for note in table.notes.get(lang, []):
                story.append(Paragraph(html.escape(note), small))
            story.append(Spacer(1, 6))
        elif block.kind == "chart" and block.chart:
            c = block.chart
            drawing = Drawing(15 * cm, 6 * cm)
            bars = VerticalBarChart()
            bars.x, bars.y, bars.width, bars.height = 40, 30, 14 * cm - 40, 5 * cm - 30
            bars.data = [c.values]
            bars.categoryAxis.categoryNames = c.labels
            bars.barLabelFormat = lambda v, c=c: c.shown[lang][c.values.index(v)] if v in c.values else ""
            bars.barLabels.nudge = 7
            bars.bars[0].fillColor = accent
            bars.valueAxis.visible = False
            drawing.add(bars)
            story.append(Paragraph(html.escape(c.caption[lang]), cap))
            story.append(drawing)
    document = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.4 * cm,
        bottomMargin=2.4 * cm,
        title=title(b, lang),
        invariant=1,
    )
    document.build(story)


def title(b: Builder, lang: str) -> str:
    index = 0 if lang == "fr" else 1
    return f"{b.subject.title[index]} {b.plan.year} – {b.subject.org[index]}"


def front_matter_reportlab(b: Builder, lang: str, h1: Any, body: Any) -> list[Any]:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    index = 0 if lang == "fr" else 1
    story: list[Any] = [
        Spacer(1, 200),
        Paragraph(html.escape(b.subject.org[index]), h1),
        Paragraph(html.escape(f"{b.subject.title[index]} {b.plan.year}"), h1),
        PageBreak(),
        Paragraph(WORDS[lang]["contents"], h1),
    ]
    for section in b.sections:
        story.append(Paragraph(html.escape(f"{section['number']}. {section['title'][lang]}"), body))
    story.append(PageBreak())
    return story


def render_html(b: Builder, lang: str) -> str:
    accent = b.rng.choice(["#0b5d6b", "#8a3b12", "#33527a", "#5a2a6e"])
    index = 0 if lang == "fr" else 1
    parts = [
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title(b, lang))}"
        "</title><style>"
        "@page{size:A4;margin:2.2cm 2cm 2.6cm 2cm}"
        "body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;line-height:1.45;color:#222}"
        f"h1{{color:{accent};font-size:17pt;margin:0 0 10px}} h2{{color:{accent};font-size:12.5pt}}"
        ".cover{height:24cm;display:flex;flex-direction:column;justify-content:center;break-after:page}"
        ".cover h1{font-size:26pt} .break{break-before:page}"
        "table{border-collapse:collapse;width:100%;margin:4px 0;font-size:9pt}"
        f"thead th{{background:{accent};color:#fff;text-align:right;padding:4px 6px}}"
        "thead th:first-child{text-align:left} td{padding:3px 6px;text-align:right}"
        "td:first-child{text-align:left} tbody tr:nth-child(even){background:#eef3f5}"
        "table.small{font-size:7pt} tr.bold td{font-weight:bold;border-top:1px solid #444}"
        ".caption{font-weight:bold;margin-top:10px} .source{font-size:8pt;color:#555}"
        ".cols{column-count:2;column-gap:1cm} p{text-align:justify}"
        "</style></head><body>",
        f"<div class='cover'><h1>{html.escape(b.subject.org[index])}</h1>"
        f"<h1>{html.escape(b.subject.title[index])} {b.plan.year}</h1></div>",
        f"<h1>{WORDS[lang]['contents']}</h1>",
    ]
    parts += [f"<p>{html.escape(s['number'])}. {html.escape(s['title'][lang])}</p>" for s in b.sections]
    parts.append("<div class='break'></div>")
    for block in b.blocks:
        if block.kind == "break":
            parts.append("<div class='break'></div>")
        elif block.kind == "heading":
            tag = "h1" if block.level == 1 else "h2"
            parts.append(f"<{tag}>{html.escape(block.text[lang])}</{tag}>")
        elif block.kind == "para":
            klass = " class='cols'" if b.rng.random() < 0.25 else ""
            parts.append(f"<p{klass}>{html.escape(block.text[lang])}</p>")
        elif block.kind == "table" and block.table:
            table = block.table
            parts.append(f"<div class='caption'>{html.escape(table.caption[lang])}</div>")
            parts.append(
                f"<table class='{'small' if table.small else ''}'><thead><tr>"
                + "".join(f"<th>{html.escape(h)}</th>" for h in table.header[lang])
                + "</tr></thead><tbody>"
            )
            for r, row in enumerate(table.rows[lang]):
                cells = "".join(f"<td>{html.escape(c).replace('¹', '<sup>1</sup>')}</td>" for c in row)
                parts.append(f"<tr class='{'bold' if r in table.bold_rows else ''}'>{cells}</tr>")
            parts.append("</tbody></table>")
            parts.append(f"<div class='source'>{html.escape(table.source[lang])}</div>")
            parts += [f"<div class='source'>{html.escape(n)}</div>" for n in table.notes.get(lang, [])]
        elif block.kind == "chart" and block.chart:
            c = block.chart
            top = max(c.values)
            bars = []
            for i, (label, value) in enumerate(zip(c.labels, c.values, strict=True)):
                height = 120 * value / top
                x = 60 + i * 110
                bars.append(
                    f"<rect x='{x}' y='{150 - height}' width='60' height='{height}' fill='{accent}'/>"
                    f"<text x='{x + 30}' y='{145 - height}' font-size='11' text-anchor='middle'>"
                    f"{html.escape(c.shown[lang][i])}</text>"
                    f"<text x='{x + 30}' y='168' font-size='11' text-anchor='middle'>{label}</text>"
                )
            parts.append(
                f"<div class='caption'>{html.escape(c.caption[lang])}</div>"
                f"<svg width='420' height='175' xmlns='http://www.w3.org/2000/svg'>{''.join(bars)}</svg>"
            )
    parts.append("</body></html>")
    return "".join(parts)


def render_chromium(b: Builder, lang: str, target: Path) -> None:
    print_with_chromium(render_html(b, lang), target, outline=False)  # the outline is drawn afterwards, by stamp()


def render_fpdf(b: Builder, lang: str, target: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_margins(20, 20, 20)
    index = 0 if lang == "fr" else 1
    accent = b.rng.choice([(20, 80, 120), (120, 40, 40), (40, 100, 60)])
    pdf.set_title(title(b, lang))
    pdf.set_creation_date(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 22)
    pdf.ln(80)
    pdf.multi_cell(0, 11, b.subject.org[index], new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 11, f"{b.subject.title[index]} {b.plan.year}", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 10, WORDS[lang]["contents"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    for section in b.sections:
        pdf.cell(0, 7, f"{section['number']}. {section['title'][lang]}", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for block in b.blocks:
        if block.kind == "break":
            pdf.add_page()
        elif block.kind == "heading":
            pdf.set_text_color(*accent)
            pdf.set_font("DejaVu", "B", 15 if block.level == 1 else 12)
            pdf.multi_cell(0, 8, block.text[lang], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            pdf.set_text_color(0, 0, 0)
        elif block.kind == "para":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.4, block.text[lang], align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif block.kind == "table" and block.table:
            table = block.table
            pdf.set_font("DejaVu", "B", 9)
            pdf.multi_cell(0, 5, table.caption[lang], new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 6 if table.small else 8.5)
            first = 30 if table.small else 62
            rest = (170 - first) / (len(table.header[lang]) - 1)
            widths = (first, *([rest] * (len(table.header[lang]) - 1)))
            with pdf.table(
                col_widths=widths,
                text_align=("LEFT", *["RIGHT"] * (len(widths) - 1)),
                headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=accent),
                borders_layout="HORIZONTAL_LINES",
                line_height=4.6 if not table.small else 3.6,
                cell_fill_color=(238, 241, 246),
                cell_fill_mode="ROWS",
                repeat_headings=1,
                padding=0.6 if table.small else 1.2,
            ) as grid:
                header = grid.row()
                for h in table.header[lang]:
                    header.cell(h)
                for r, row in enumerate(table.rows[lang]):
                    line = grid.row()
                    for c in row:
                        style = FontFace(emphasis="BOLD") if r in table.bold_rows else None
                        line.cell(c.replace("¹", " (1)"), style=style)
            pdf.set_font("DejaVu", "", 7.5)
            pdf.multi_cell(0, 4, table.source[lang], new_x="LMARGIN", new_y="NEXT")
            for note in table.notes.get(lang, []):
                pdf.multi_cell(0, 4, note.replace("¹", "(1)"), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif block.kind == "chart" and block.chart:
            c = block.chart
            pdf.set_font("DejaVu", "B", 9)
            pdf.multi_cell(0, 5, c.caption[lang], new_x="LMARGIN", new_y="NEXT")
            top = max(c.values)
            y0 = pdf.get_y() + 45
            if y0 > 260:
                pdf.add_page()
                y0 = pdf.get_y() + 45
            pdf.set_font("DejaVu", "", 8)
            for i, value in enumerate(c.values):
                height = 38 * value / top
                x = 35 + i * 35
                pdf.set_fill_color(*accent)
                pdf.rect(x, y0 - height, 18, height, style="F")
                pdf.text(x, y0 - height - 1.5, c.shown[lang][i])
                pdf.text(x + 3, y0 + 4, c.labels[i])
            pdf.set_y(y0 + 8)
    pdf.output(str(target))


RENDERERS = {"reportlab": render_reportlab, "chromium": render_chromium, "fpdf2": render_fpdf}


# ----------------------------------------------------------------------------------------------- pages


def stamp(target: Path, b: Builder, lang: str, style: str, offset: int, outline: bool, labels: bool) -> dict[int, str]:
    """Page numbers drawn on the rendered PDF (front matter unnumbered), an outline and page labels if drawn."""
    document = pymupdf.open(target)
    printed: dict[int, str] = {}
    running = title(b, lang)
    for number, page in enumerate(document, start=1):
        if number <= offset:
            continue
        label = str(number - offset)
        printed[number] = label
        width, height = page.rect.width, page.rect.height
        if style == "centre":
            page.insert_text((width / 2 - 6, height - 28), label, fontsize=9, fontname="helv")
        elif style == "title-right":
            text = f"{running}  |  {label}"
            page.insert_text(
                (width - 60 - pymupdf.get_text_length(text, "helv", 8), height - 28), text, fontsize=8, fontname="helv"
            )
        elif style == "above-title":
            page.insert_text((width - 70, height - 40), label, fontsize=10, fontname="helv")
            page.insert_text((56, height - 26), running, fontsize=7, fontname="helv")
        else:  # header
            page.insert_text((width - 90, 34), f"{running[:40].upper()} / {label}", fontsize=7, fontname="helv")
    if labels:
        document.set_page_labels([{"startpage": offset, "prefix": "", "style": "D", "firstpagenum": 1}])
    if outline:
        toc = []
        for section in b.sections:
            heading = f"{section['number']}. {section['title'][lang]}"
            for number in range(offset + 1, len(document) + 1):
                if heading in squeeze(document[number - 1].get_text()):
                    level = min(section["level"], toc[-1][0] + 1 if toc else 1)
                    toc.append([level, heading, number])
                    break
        document.set_toc(toc)
    document.save(target.with_suffix(".tmp"), garbage=3, deflate=True, no_new_id=True)
    document.close()
    target.with_suffix(".tmp").replace(target)
    return printed


def squeeze(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u00ad", "").split())


def compact(text: str) -> str:
    return re.sub(r"\s+", "", squeeze(text)).casefold()


def locate(b: Builder, files: dict[str, Path], printed: dict[str, dict[int, str]]) -> None:
    """Find each fact on the pages of each edition: its figure and its row (or sentence words) on one page."""
    texts = {lang: [squeeze(page.get_text()) for page in pymupdf.open(path)] for lang, path in files.items()}
    for fact in b.facts:
        fact["pages"], fact["physical"] = {}, {}
        for lang in files:
            shown = squeeze(fact["display"][lang])
            tail = "" if fact.get("footnoted") or b.plan.tool == "fpdf2" else r"(?![\d]|[.,]\d)"
            figure = re.compile(r"(?<![\d.,])" + re.escape(shown) + tail)
            anchor = compact(fact["anchor"][lang])  # a row label may wrap inside its cell
            found = [
                n for n, text in enumerate(texts[lang], start=1) if figure.search(text) and anchor in compact(text)
            ]
            fact["physical"][lang] = found
            fact["pages"][lang] = [printed[lang].get(n, str(n)) for n in found]
    for section in b.sections:
        section["pages"] = {}
        for lang in files:
            heading = squeeze(f"{section['number']}. {section['title'][lang]}")
            hits = [n for n, text in enumerate(texts[lang], start=1) if heading in text]
            body = [n for n in hits if n in printed[lang]]
            section["pages"][lang] = printed[lang].get(body[-1], "") if body else ""


# ----------------------------------------------------------------------------------------------- main


def subject_of(key: str) -> Subject:
    return next(s for s in [*SUBJECTS, *MIGRATION] if s.key == key)


def make_report(plan: Plan) -> Path:
    subject = subject_of(plan.subject)
    builder = build(plan, subject)
    folder = BENCH / plan.id
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.pdf"):
        old.unlink()
    style = builder.rng.choice(["centre", "title-right", "above-title", "header"])
    offset = 2 + (builder.rng.random() < 0.3)
    outline, labels = builder.rng.random() < 0.5, builder.rng.random() < 0.3
    files: dict[str, Path] = {}
    printed: dict[str, dict[int, str]] = {}
    for lang in plan.languages:
        stem = {"fr": "rapport", "nl": "verslag"}[lang]
        target = folder / f"{plan.id}-{stem}-{plan.year}-{lang}.pdf"
        RENDERERS[plan.tool](builder, lang, target)
        if offset == 3:  # a blank page after the contents, left unnumbered
            with pymupdf.open(target) as document:
                document.new_page(2, width=document[0].rect.width, height=document[0].rect.height)
                document.save(target.with_suffix(".tmp"), garbage=3, deflate=True, no_new_id=True)
            target.with_suffix(".tmp").replace(target)
        printed[lang] = stamp(target, builder, lang, style, offset, outline, labels)
        files[lang] = target
    locate(builder, files, printed)
    pages = {lang: len(printed[lang]) + offset for lang in files}
    record = {
        "id": plan.id,
        "subject": plan.subject,
        "split": plan.split,
        "tool": plan.tool,
        "year": plan.year,
        "seed": plan.seed,
        "languages": list(plan.languages),
        "files": {lang: p.name for lang, p in files.items()},
        "pages": pages,
        "page_style": style,
        "printed_offset": offset,
        "outline": outline,
        "page_labels": labels,
        "org": dict(zip(("fr", "nl", "en"), subject.org, strict=True)),
        "acronym": dict(zip(("fr", "nl"), subject.acronym, strict=True)),
        "towns": subject.towns,
        "director": dict(zip(("fr", "nl"), subject.directors, strict=True)),
        "sections": builder.sections,
        "facts": builder.facts,
        "absent": builder.absent,
    }
    missing = [f["id"] for f in builder.facts if any(not f["pages"][lang] for lang in files)]
    if missing:
        print(f"{plan.id}: {len(missing)} facts not found on any page: {missing[:8]}", file=sys.stderr)
    (folder / "figures.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_questions(folder)
    return folder


def write_index() -> None:
    lines = [
        "# The bench",
        "",
        "Written by `python scripts/make_bench.py`; real reports under `real/`. `split`: calibration reports may",
        "be looked at and tuned on; test reports are reported only (docs/benchmarks.md keeps the log).",
        "",
        "| report | subject | split | tool | editions | pages | questions |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for plan in PLANS:
        folder = BENCH / plan.id
        if not (folder / "figures.json").is_file():
            continue
        record = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
        questions = sum(1 for _ in (folder / "questions.jsonl").open(encoding="utf-8"))
        pages = ", ".join(f"{lang} {n}" for lang, n in record["pages"].items())
        lines.append(
            f"| {plan.id} | {plan.subject} | {plan.split} | {plan.tool} | {'+'.join(plan.languages)} | "
            f"{pages} | {questions} |"
        )
    (BENCH / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*", help="report ids (default: all)")
    parser.add_argument("--questions", action="store_true", help="only rewrite questions from each figures.json")
    args = parser.parse_args()
    plans = [p for p in PLANS if not args.ids or p.id in args.ids]
    for plan in plans:
        if args.questions:
            write_questions(BENCH / plan.id)
        else:
            folder = make_report(plan)
            print(f"{plan.id}: {folder}")
    write_index()


if __name__ == "__main__":
    main()
