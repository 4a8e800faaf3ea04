"""A small two-edition report for tests: sections, a table, printed page labels that differ from the index."""

from pathlib import Path

from samplepdf import Footnote, Paragraph, ReportSpec, Section, TableSpec, write_report

NBSP = "\u00a0"

FILLER_FR = (
    "L'Office des étrangers gère l'accès au territoire, le séjour, l'établissement et l'éloignement des "
    "ressortissants étrangers, en collaboration avec les autres services de la chaîne migratoire. "
)
FILLER_NL = (
    "De Dienst Vreemdelingenzaken beheert de toegang tot het grondgebied, het verblijf, de vestiging en de "
    "verwijdering van vreemdelingen, in samenwerking met de andere diensten van de migratieketen. "
)


def _french() -> ReportSpec:
    return ReportSpec(
        title="Rapport d'activité 2023 (test)",
        subtitle="Office des étrangers",
        toc_title="Table des matières",
        footer_note="Document de test - chiffres fictifs",
        with_outline=True,
        with_page_labels=True,
        sections=[
            Section("1", "Visas", [Paragraph(FILLER_FR * 3)]),
            Section(
                "1.1",
                "Visas de court séjour",
                [
                    Paragraph(
                        f"En 2023, l'Office a traité 210{NBSP}345 demandes de visa de court séjour, "
                        "soit une hausse de 12,5 % par rapport à 2022."
                    ),
                    Paragraph(FILLER_FR * 10),
                ],
            ),
            Section("2", "Retour", [Paragraph(FILLER_FR * 2)]),
            Section(
                "2.1",
                "Retours volontaires",
                [
                    Paragraph(
                        f"En 2023, 5{NBSP}432 personnes sont retournées volontairement dans leur pays "
                        "d'origine avec l'aide de l'Office."
                    ),
                    Footnote("Retours organisés avec Fedasil et l'OIM."),
                    TableSpec(
                        "Tableau 2.1 : Retours par type",
                        ["Type de retour", "2022", "2023"],
                        [
                            ["Retours volontaires", f"4{NBSP}987", f"5{NBSP}432"],
                            ["Retours forcés", f"2{NBSP}100", f"2{NBSP}345"],
                            ["Total", f"7{NBSP}087", f"7{NBSP}777"],
                        ],
                    ),
                ],
            ),
        ],
    )


def _dutch() -> ReportSpec:
    return ReportSpec(
        title="Activiteitenverslag 2023 (test)",
        subtitle="Dienst Vreemdelingenzaken",
        toc_title="Inhoud",
        footer_note="Testdocument - fictieve cijfers",
        with_outline=False,
        with_page_labels=False,
        sections=[
            Section("1", "Visa", [Paragraph(FILLER_NL * 3)]),
            Section(
                "1.1",
                "Visa voor kort verblijf",
                [
                    Paragraph(
                        "In 2023 behandelde de Dienst 210.345 aanvragen voor een visum kort verblijf, "
                        "een stijging met 12,5% ten opzichte van 2022."
                    ),
                    Paragraph(FILLER_NL * 10),
                ],
            ),
            Section("2", "Terugkeer", [Paragraph(FILLER_NL * 2)]),
            Section(
                "2.1",
                "Vrijwillige terugkeer",
                [
                    Paragraph(
                        "In 2023 keerden 5.432 personen vrijwillig terug naar hun land van herkomst met de "
                        "hulp van de Dienst."
                    ),
                    Footnote("Terugkeer georganiseerd met Fedasil en de IOM."),
                    TableSpec(
                        "Tabel 2.1: Terugkeer per type",
                        ["Type terugkeer", "2022", "2023"],
                        [
                            ["Vrijwillige terugkeer", "4.987", "5.432"],
                            ["Gedwongen terugkeer", "2.100", "2.345"],
                            ["Totaal", "7.087", "7.777"],
                        ],
                    ),
                ],
            ),
        ],
    )


def write_fixture_reports(folder: Path) -> tuple[Path, Path]:
    french, dutch = folder / "rapport-test-fr.pdf", folder / "verslag-test-nl.pdf"
    write_report(_french(), french)
    write_report(_dutch(), dutch)
    return french, dutch
