from reportqa.ingest.layout import Line
from reportqa.ingest.pagelabels import printed_labels, running_lines


def _line(text: str, y0: float) -> Line:
    return Line(text, y0, y0 + 8, 8.0, False, 100.0, 300.0)


def test_word_style_footer_number_above_a_running_title() -> None:
    # "19" on a line of its own above "Rapport final_2021", as Word exports it; the cover has no number.
    bands = [[]] + [[_line(str(n), 790), _line("Rapport final_2021", 800)] for n in range(1, 6)]
    assert printed_labels([""] * 6, bands, [[]] * 6) == ["1", "1", "2", "3", "4", "5"]


def test_page_n_of_m_and_numbers_beside_a_title() -> None:
    bands = [[_line(f"Page {n} of 205", 780)] for n in (7, 8)]
    assert printed_labels(["", ""], bands, [[], []]) == ["7", "8"]
    bands = [[_line(f"Rapport d'activité 2023 | {n}", 800)] for n in (11, 12, 13)]
    assert printed_labels(["", "", ""], bands, [[], [], []]) == ["11", "12", "13"]


def test_unnumbered_front_matter_gets_no_invented_roman_numeral() -> None:
    bands = [[], [], [_line("1", 800)], [_line("2", 800)]]
    labels = printed_labels([""] * 4, bands, [[]] * 4)
    assert labels == ["1", "2", "1", "2"] and not any(label in ("i", "ii") for label in labels)


def test_pdf_labels_come_first() -> None:
    assert printed_labels(["iii", "1"], [[_line("7", 800)], [_line("8", 800)]], [[], []]) == ["iii", "1"]


def test_an_annex_that_restarts_at_one_is_qualified() -> None:
    bands = [[_line(str(n), 800)] for n in (11, 12, 1, 2)]
    first_lines = [[], [], ["Annexe B", "Tableaux détaillés"], []]
    assert printed_labels([""] * 4, bands, first_lines) == ["11", "12", "Annexe B, p. 1", "Annexe B, p. 2"]


def test_a_sentence_repeated_with_other_figures_on_every_page_is_not_a_running_line() -> None:
    pages = [
        [_line(f"En 2023, le bureau numéro {n} a traité {1000 + 7 * n} dossiers.", 70), _line(str(n), 800)]
        for n in range(1, 8)
    ]
    running = running_lines(pages)
    assert ("#", round(800 / 6)) in running
    assert not any("bureau" in text for text, _ in running)
