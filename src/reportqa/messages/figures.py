"""How a figure read from a table's cells is said: one sentence in the asker's language, from the table's own words
(its caption, row, column and year); a computed figure says what it was computed from."""

from reportqa.config import Language

# English and German askers read the report's words in their own sentence.
CELL_VALUE: dict[Language, str] = {
    "fr": "« {label} » : {value} en {year} (tableau « {caption} »{column}).",
    "nl": "‘{label}’: {value} in {year} (tabel ‘{caption}’{column}).",
    "en": "‘{label}’: {value} in {year} (table ‘{caption}’{column}).",
    "de": "„{label}“: {value} im Jahr {year} (Tabelle „{caption}“{column}).",
}
CELL_VALUE_NO_YEAR: dict[Language, str] = {
    "fr": "« {label} » : {value} (tableau « {caption} »{column}).",
    "nl": "‘{label}’: {value} (tabel ‘{caption}’{column}).",
    "en": "‘{label}’: {value} (table ‘{caption}’{column}).",
    "de": "„{label}“: {value} (Tabelle „{caption}“{column}).",
}
CELL_COLUMN: dict[Language, str] = {
    "fr": ", colonne « {name} »",
    "nl": ", kolom ‘{name}’",
    "en": ", column ‘{name}’",
    "de": ", Spalte „{name}“",
}
CELL_CHANGE: dict[Language, str] = {
    "fr": "« {label} » : {new} en {b} contre {old} en {a}, soit {diff} ({pct} %) ; écart calculé à partir du tableau "
    "« {caption} ».",
    "nl": "‘{label}’: {new} in {b} tegenover {old} in {a}, een verschil van {diff} ({pct} %), berekend uit de tabel "
    "‘{caption}’.",
    "en": "‘{label}’: {new} in {b} against {old} in {a}, a difference of {diff} ({pct} %), computed from the table "
    "‘{caption}’.",
    "de": "„{label}“: {new} im Jahr {b} gegenüber {old} im Jahr {a}, ein Unterschied von {diff} ({pct} %), "
    "berechnet aus der Tabelle „{caption}“.",
}
CELL_SHARE: dict[Language, str] = {
    "fr": "« {label} » : {part} sur {whole} (« {total} ») en {year}, soit {pct} % ; part calculée à partir du tableau "
    "« {caption} ».",
    "nl": "‘{label}’: {part} van {whole} (‘{total}’) in {year}, of {pct} %, berekend uit de tabel ‘{caption}’.",
    "en": "‘{label}’: {part} of {whole} (‘{total}’) in {year}, that is {pct} %, computed from the table ‘{caption}’.",
    "de": "„{label}“: {part} von {whole} („{total}“) im Jahr {year}, also {pct} %, berechnet aus der Tabelle "
    "„{caption}“.",
}
CELL_BUSIEST: dict[Language, str] = {
    "fr": "Le mois le plus élevé en {year} est « {month} » : {value} (tableau « {caption} »).",
    "nl": "De hoogste maand in {year} is ‘{month}’: {value} (tabel ‘{caption}’).",
    "en": "The highest month in {year} is ‘{month}’: {value} (table ‘{caption}’).",
    "de": "Der höchste Monat im Jahr {year} ist „{month}“: {value} (Tabelle „{caption}“).",
}
# The busiest month, from a monthly table the report writes out.
BUSIEST_WRITTEN: dict[Language, str] = {
    "fr": "Selon le tableau {number} (« {title} »), le mois le plus élevé en {year} est {month}, avec {value}.",
    "nl": "Volgens tabel {number} (‘{title}’) is {month} de hoogste maand in {year}, met {value}.",
    "en": "According to table {number} (“{title}”), the highest month in {year} is {month}, with {value}.",
    "de": "Laut Tabelle {number} („{title}“) ist {month} der höchste Monat im Jahr {year}, mit {value}.",
}
# A sentence that dates the figure asked only relatively ("contre 73 l'année précédente"): the figure and its year
# first, then the report's sentence.
YEAR_BEFORE_FIRST: dict[Language, str] = {
    "fr": "{value} en {year} : « {quote} »",
    "nl": "{value} in {year}: ‘{quote}’",
    "en": "{value} in {year}: “{quote}”",
    "de": "{value} im Jahr {year}: „{quote}“",
}
