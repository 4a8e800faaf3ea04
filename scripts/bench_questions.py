"""Questions for one bench report, generated from its record (figures.json) alone, never from the product's answers.

Kinds: value (a table cell), prose (a figure stated in a sentence; "since the start" beside "this year"), change
(absolute, between two years), change_pct, share (a % cell, or computed from two cells), month, busiest_month,
total, section, claim_true, claim_false, not_covered (on the subject, not measured: a metric the report never
gives, a category its breakdown leaves out, a measure its table of entities lacks, a year it does not cover, a
programme's future year) and off_topic (the report's own town, agency or director in a question it cannot answer).
Phrasings are drawn at random per report (seeded), in French, Dutch and English, with everyday words for what is
counted rather than the caption's.
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path
from typing import Any

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
           "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}

OPENERS = {
    "fr": ["", "", "", "Bonjour, ", "Je prépare un article : ", "Question rapide : ", "Dites-moi, "],
    "nl": ["", "", "", "Hallo, ", "Ik schrijf een artikel: ", "Snelle vraag: ", "Zeg, "],
    "en": ["", "", "", "Hi, ", "Quick question: ", "I'm writing a piece: "],
}

COUNT = {
    "fr": ["Combien de {x} en {y} ?", "Quel a été le nombre de {x} en {y} ?", "Il y a eu combien de {x} en {y} ?",
           "Je cherche le nombre de {x} pour {y}.", "Pouvez-vous me dire combien de {x} il y a eu en {y} ?",
           "{X} en {y} : combien ?"],
    "nl": ["Hoeveel {x} waren er in {y}?", "Wat was het aantal {x} in {y}?", "Hoeveel {x} in {y}?",
           "Ik zoek het aantal {x} voor {y}.", "Kunt u zeggen hoeveel {x} er in {y} waren?", "{X} in {y}: hoeveel?"],
    "en": ["How many {x} were there in {y}?", "What was the number of {x} in {y}?", "{X} in {y}: how many?"],
}
AMOUNT = {
    "fr": ["Quel chiffre pour {x} en {y} ?", "{X} en {y} : quel chiffre ?", "À combien s'élevait {x} en {y} ?",
           "Que donne {x} en {y} ?"],
    "nl": ["Wat was {x} in {y}?", "Hoeveel bedroeg {x} in {y}?", "{X} in {y}: welk cijfer?"],
    "en": ["What was the {x} in {y}?", "What figure for {x} in {y}?", "{X} in {y}?"],
}
FOR_ITEM = {
    "fr": ["Combien de {x} pour {c} en {y} ?", "{X} pour {c} en {y}, c'était combien ?", "Et pour {c}, combien de {x} en {y} ?"],
    "nl": ["Hoeveel {x} voor {c} in {y}?", "{X} voor {c} in {y}: hoeveel?", "En voor {c}, hoeveel {x} in {y}?"],
    "en": ["How many {x} for {c} in {y}?", "{X} for {c} in {y}?"],
}
AMOUNT_ITEM = {
    "fr": ["Quel chiffre pour {x} à {c} en {y} ?", "{X} de {c} en {y} ?"],
    "nl": ["Wat was {x} van {c} in {y}?", "{X} bij {c} in {y}?"],
    "en": ["What was the {x} at {c} in {y}?", "{X} of {c} in {y}?"],
}
CHANGE = {
    "fr": ["De combien {x} ont-ils évolué entre {a} et {b} ?", "Quelle a été la différence de {x} entre {a} et {b} ?",
           "Entre {a} et {b}, {x} : de combien en plus ou en moins ?", "Combien de {x} en {more} en {b} qu'en {a} ?"],
    "nl": ["Met hoeveel zijn de {x} veranderd tussen {a} en {b}?", "Wat is het verschil in {x} tussen {a} en {b}?",
           "Hoeveel {x} {more} waren er in {b} dan in {a}?"],
    "en": ["By how much did {x} change between {a} and {b}?", "How many {more} {x} in {b} than in {a}?"],
}
CHANGE_PCT = {
    "fr": ["De combien de pour cent {x} ont-ils évolué entre {a} et {b} ?",
           "Quelle a été l'évolution en pourcentage de {x} de {a} à {b} ?", "{X} : quelle variation en % entre {a} et {b} ?"],
    "nl": ["Met hoeveel procent veranderden de {x} tussen {a} en {b}?", "Wat was de procentuele evolutie van {x} van {a} tot {b}?",
           "{X}: hoeveel procent verschil tussen {a} en {b}?"],
    "en": ["By what percentage did {x} change between {a} and {b}?", "What was the % change in {x} from {a} to {b}?"],
}
SHARE = {
    "fr": ["Quelle part des {x} concernait {c} en {y} ?", "Quel pourcentage des {x} pour {c} en {y} ?",
           "{c} représentait quelle proportion des {x} en {y} ?"],
    "nl": ["Welk aandeel van de {x} ging naar {c} in {y}?", "Hoeveel procent van de {x} was voor {c} in {y}?",
           "Welk deel van de {x} betrof {c} in {y}?"],
    "en": ["What share of {x} was for {c} in {y}?", "What percentage of {x} went to {c} in {y}?"],
}
MONTH = {
    "fr": ["Combien de {x} en {m} {y} ?", "Et au mois de {m} {y}, combien de {x} ?", "{X} en {m} {y} ?"],
    "nl": ["Hoeveel {x} in {m} {y}?", "En in de maand {m} {y}, hoeveel {x}?", "{X} in {m} {y}?"],
    "en": ["How many {x} in {m} {y}?", "{X} in {m} {y}?"],
}
BUSIEST = {
    "fr": ["Quel mois de {y} a compté le plus de {x} ?", "En {y}, quel a été le mois le plus chargé en {x} ?",
           "C'est quel mois qui a eu le plus de {x} en {y} ?"],
    "nl": ["In welke maand van {y} waren er de meeste {x}?", "Welke maand telde in {y} de meeste {x}?",
           "Wanneer in {y} waren er het meest {x}, in welke maand?"],
    "en": ["Which month of {y} had the most {x}?", "In {y}, what was the busiest month for {x}?"],
}
TOTAL = {
    "fr": ["Au total, combien de {x} en {y} ?", "Quel est le total des {x} en {y} ?", "Combien de {x} en tout en {y} ?"],
    "nl": ["Hoeveel {x} in totaal in {y}?", "Wat is het totale aantal {x} in {y}?", "Alles samen, hoeveel {x} in {y}?"],
    "en": ["How many {x} in total in {y}?", "What was the total number of {x} in {y}?"],
}
SINCE = {
    "fr": ["Combien de {x} depuis le lancement du {p} ?", "Depuis son début, le {p} a compté combien de {x} ?"],
    "nl": ["Hoeveel {x} sinds de start van het {p}?", "Hoeveel {x} telde het {p} sinds het begin?"],
    "en": ["How many {x} since the {p} began?", "Since its start, how many {x} has the {p} counted?"],
}
PROG_YEAR = {
    "fr": ["Combien de {x} pour le {p} en {y} ?", "En {y}, le {p} a compté combien de {x} ?"],
    "nl": ["Hoeveel {x} voor het {p} in {y}?", "Hoeveel {x} telde het {p} in {y}?"],
    "en": ["How many {x} did the {p} count in {y}?", "{X} under the {p} in {y}?"],
}
SECTION = {
    "fr": ["Quelle partie du rapport parle de {t} ?", "Où trouver les informations sur {t} dans le rapport ?",
           "Dans quel chapitre est-il question de {t} ?"],
    "nl": ["Welk deel van het verslag gaat over {t}?", "Waar vind ik in het verslag informatie over {t}?",
           "In welk hoofdstuk gaat het over {t}?"],
    "en": ["Which section of the report covers {t}?", "Where does the report talk about {t}?"],
}
CLAIM = {
    "fr": ["En {y}, il y a eu {v} {x}.", "Le rapport fait état de {v} {x} en {y}.", "On a compté {v} {x} en {y}."],
    "nl": ["In {y} waren er {v} {x}.", "Het verslag vermeldt {v} {x} in {y}.", "Er werden in {y} {v} {x} geteld."],
    "en": ["There were {v} {x} in {y}.", "The report gives {v} {x} for {y}."],
}
OFF_TOPIC = {
    "fr": ["Qui est le bourgmestre de {town} ?", "Quel temps fera-t-il demain à {town} ?",
           "Quel est le numéro de téléphone de {org} ?", "Quel âge a {director} ?", "À quelle heure ouvre la piscine de {town} ?"],
    "nl": ["Wie is de burgemeester van {town}?", "Wat voor weer wordt het morgen in {town}?",
           "Wat is het telefoonnummer van {org}?", "Hoe oud is {director}?", "Hoe laat gaat het zwembad van {town} open?"],
    "en": ["Who is the mayor of {town}?", "What will the weather be like in {town} tomorrow?",
           "What is the phone number of {org}?", "How old is {director}?"],
}
MORE = {"fr": ("plus", "moins"), "nl": ("meer", "minder"), "en": ("more", "fewer")}


def fmt(value: float, decimals: int, lang: str) -> str:
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", " " if lang == "fr" else ".")
    return f"{whole},{fraction}" if fraction else whole


def expected(value: float, decimals: int) -> list[str]:
    return list(dict.fromkeys([fmt(value, decimals, "fr"), fmt(value, decimals, "nl")]))


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


class Writer:
    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.rng = random.Random(f"{record['id']}-questions")
        self.items: list[dict[str, Any]] = []
        self.editions = record["languages"]

    def everyday(self, names: dict[str, str], lang: str) -> str:
        options = names[lang].split("|")
        return self.rng.choice(options[1:] or options)

    def phrase(self, templates: dict[str, list[str]], lang: str, **slots: Any) -> str:
        text = self.rng.choice(templates[lang])
        if "x" in slots:
            slots["X"] = slots["x"][:1].upper() + slots["x"][1:]
        text = text.format(**slots)
        if lang == "fr":
            for vowel in "aeiouéèêhAEIOUÉH":
                text = text.replace(f" de {vowel}", f" d'{vowel}").replace(f" le {vowel}", f" l'{vowel}")
                text = text.replace(f" du {vowel}", f" de l'{vowel}")
        opener = self.rng.choice(OPENERS[lang])
        text = opener + (text[0].lower() + text[1:] if opener and not text[1:2].isupper() else text)
        roll = self.rng.random()
        if roll < 0.12:
            text = plain(text).lower().rstrip(" ?")
        elif roll < 0.2:
            text = text.rstrip(" ?.")
        return text

    def pages(self, facts: list[dict[str, Any]]) -> dict[str, list[str]]:
        return {lang: sorted({p for f in facts for p in f["pages"][lang]}, key=lambda p: (len(p), p))
                for lang in self.editions}

    def add(self, kind: str, lang: str, question: str, *, answerable: bool = True, value: float | None = None,
            decimals: int = 0, facts: list[dict[str, Any]] | None = None, year: int | None = None,
            words: list[str] | None = None, computed: bool = False, **extra: Any) -> None:
        facts = facts or []
        self.items.append({
            "id": f"{self.record['id']}-{lang}-{len(self.items) + 1:03d}", "report": self.record["id"],
            "split": self.record["split"], "lang": lang, "kind": kind, "question": question, "answerable": answerable,
            "expected": words if words is not None else ([] if value is None else expected(value, decimals)),
            "value": value, "year": year, "pages": self.pages(facts) if answerable else {},
            "sections": sorted({f["section"] for f in facts}) if answerable else [], "computed": computed,
            "facts": [f["id"] for f in facts], **extra,
        })


def located(facts: list[dict[str, Any]], editions: list[str]) -> list[dict[str, Any]]:
    return [f for f in facts if all(f["pages"].get(lang) for lang in editions)]


def generate(record: dict[str, Any]) -> list[dict[str, Any]]:
    w = Writer(record)
    rng = w.rng
    facts = located(record["facts"], record["languages"])
    year = record["year"]
    langs = list(record["languages"])
    english = 4 if len(langs) == 2 else 16
    for lang in [*langs, *(["en"] if english else [])]:
        count = None if lang != "en" else english
        questions_for(w, record, facts, lang, year, rng, count)
    return w.items


def questions_for(w: Writer, record: dict[str, Any], facts: list[dict[str, Any]], lang: str, year: int,
                  rng: random.Random, limit: int | None) -> None:
    def ev(fact: dict[str, Any], key: str = "names") -> str:
        return w.everyday(fact[key], lang)

    def cells(**match: Any) -> list[dict[str, Any]]:
        return [f for f in facts if all(f.get(k) == v for k, v in match.items())]

    def template(fact: dict[str, Any]) -> dict[str, list[str]]:
        return COUNT if fact["unit"] in ("", "FTE") else AMOUNT

    tasks: list[Any] = []
    # value: cells of the years-as-columns table (the footnoted one first when there is one), an entity's measure
    yearly = [f for f in facts if f["source"] == "table" and not f.get("role") and not f.get("month")
              and not f.get("category") and f["metric"] != "budget" and f["year"] == year]
    footnoted = [f for f in yearly if f.get("footnoted")]
    picks = footnoted[:1] + rng.sample([f for f in yearly if f not in footnoted], min(2, len(yearly) - len(footnoted[:1])))
    older = [f for f in facts if f["source"] == "table" and not f.get("role") and not f.get("month")
             and not f.get("category") and f["year"] == year - 2 and f["metric"] != "budget"]
    picks += rng.sample(older, min(1, len(older)))
    for fact in picks:
        tasks.append(lambda f=fact: w.add("value", lang, w.phrase(template(f), lang, x=ev(f), y=f["year"]),
                                          value=f["value"], decimals=f["decimals"], facts=[f], year=f["year"]))
    measures = cells(role="measure")
    for fact in rng.sample(measures, min(1, len(measures))):
        tasks.append(lambda f=fact: w.add("value", lang, w.phrase(AMOUNT_ITEM if f["unit"] not in ("",) else FOR_ITEM, lang,
                                                                  x=ev(f), c=f["entity"][lang], y=f["year"]),
                                          value=f["value"], decimals=f["decimals"], facts=[f], year=f["year"]))
    # prose: a figure only in a sentence; since the start beside this year
    prose = [f for f in facts if f["source"] == "prose" and not f.get("role")]
    for fact in rng.sample(prose, min(2, len(prose))):
        tasks.append(lambda f=fact: w.add("prose", lang, w.phrase(template(f), lang, x=ev(f), y=f["year"]),
                                          value=f["value"], decimals=f["decimals"], facts=[f], year=f["year"]))
    since = cells(role="since_start")
    for fact in rng.sample(since, min(1, len(since))):
        tasks.append(lambda f=fact: w.add("prose", lang, w.phrase(SINCE, lang, x=ev(f), p=f["programme"][lang]),
                                          value=f["value"], facts=[f], subkind="since_start"))
    this_year = cells(role="programme_year")
    for fact in rng.sample(this_year, min(1, len(this_year))):
        tasks.append(lambda f=fact: w.add("prose", lang, w.phrase(PROG_YEAR, lang, x=ev(f), p=f["programme"][lang],
                                                                  y=f["year"]),
                                          value=f["value"], facts=[f], year=f["year"], subkind="programme_year"))
    # change between two years of one row, absolute and in %
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    series: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for f in facts:
        if f["source"] == "table" and not f.get("role") and not f.get("month") and not f.get("category") \
                and f["year"] and f["metric"] != "budget":
            series.setdefault((f["table"], f["metric"]), {})[f["year"]] = f
    for key in rng.sample(sorted(series), min(2, len(series))):
        row = series[key]
        if year in row and year - 1 in row:
            pairs.append((row[year - 1], row[year]))
    for a, b in pairs[:1]:
        diff = round(b["value"] - a["value"], b["decimals"])
        more = MORE[lang][0 if diff > 0 else 1]
        tasks.append(lambda a=a, b=b, diff=diff, more=more: w.add(
            "change", lang, w.phrase(CHANGE, lang, x=ev(b), a=a["year"], b=b["year"], more=more), value=abs(diff),
            decimals=b["decimals"], facts=[a, b], computed=True))
    for a, b in pairs[1:2]:
        pct = round(100 * (b["value"] - a["value"]) / a["value"], 1)
        stated = [f for f in cells(role="change_pct") if f.get("of") == b["metric"] and f["year"] == b["year"]]
        tasks.append(lambda a=a, b=b, pct=pct, stated=stated: w.add(
            "change_pct", lang, w.phrase(CHANGE_PCT, lang, x=ev(b), a=a["year"], b=b["year"]), value=abs(pct),
            decimals=1, facts=stated or [a, b], computed=not stated))
    # share: a % cell beside its count; or a budget line's share of the total, computed
    shares = cells(role="share")
    for fact in rng.sample(shares, min(2 if not record.get("budget") else 1, len(shares))):
        tasks.append(lambda f=fact: w.add("share", lang, w.phrase(SHARE, lang, x=w.everyday(f["of_names"], lang),
                                                                  c=f["category"][lang], y=f["year"]),
                                          value=f["value"], decimals=1, facts=[f], year=f["year"]))
    lines = [f for f in facts if f["metric"] == "budget" and f["year"] == year]
    budget_total = [f for f in facts if f["metric"] == "budget_total" and f["year"] == year]
    if lines and budget_total:
        line = rng.choice(lines)
        share = round(100 * line["value"] / budget_total[0]["value"], 1)
        spending = {"fr": "dépenses", "nl": "uitgaven", "en": "spending"}[lang]
        tasks.append(lambda line=line, share=share, spending=spending: w.add(
            "share", lang, w.phrase(SHARE, lang, x=spending, c=line["budget_line"][lang].lower(), y=year), value=share,
            decimals=1, facts=[line, budget_total[0]], year=year, computed=True))
    # month, busiest month, total
    monthly = [f for f in facts if f.get("month")]
    for fact in rng.sample([f for f in monthly if f["year"] == year], min(1, len(monthly))) + \
            rng.sample([f for f in monthly if f["year"] == year - 1], min(1, len(monthly))):
        tasks.append(lambda f=fact: w.add("month", lang, w.phrase(MONTH, lang, x=ev(f), m=MONTHS[lang][f["month"] - 1],
                                                                  y=f["year"]),
                                          value=f["value"], facts=[f], year=f["year"], month=f["month"]))
    if monthly:
        asked = rng.choice([year, year - 1])
        months = [f for f in monthly if f["year"] == asked]
        top = max(months, key=lambda f: f["value"])
        tasks.append(lambda top=top, asked=asked: w.add(
            "busiest_month", lang, w.phrase(BUSIEST, lang, x=ev(top), y=asked), facts=[top], year=asked,
            words=[MONTHS[code][top["month"] - 1] for code in ("fr", "nl", "en")], value=None))
    totals = cells(role="total")
    monthly_total = [f for f in totals if f["metric"].endswith("_m") and f["year"] == year]
    category_total = [f for f in totals if f.get("breakdown") and f["year"] == year]
    for fact in monthly_total[:1] + category_total[:1]:
        tasks.append(lambda f=fact: w.add("total", lang, w.phrase(TOTAL, lang, x=ev(f), y=f["year"]), value=f["value"],
                                          decimals=f["decimals"], facts=[f], year=f["year"]))
    # section
    topics = [s for s in record["sections"] if s["level"] == 1 and s["number"] not in ("1",) and s["pages"].get(
        record["languages"][0])][:-1]
    for section in rng.sample(topics, min(2, len(topics))):
        tasks.append(lambda s=section: w.add("section", lang, w.phrase(SECTION, lang, t=s["everyday"][lang].lower()),
                                             facts=[], words=[], section_title=s["title"][lang], value=None,
                                             section=s["number"], section_pages=s["pages"]))
    # claims, true and false, on a yearly cell or a prose figure
    claimable = [f for f in yearly + prose if f["unit"] in ("", "FTE")]
    if len(claimable) < 2:  # a report of amounts (a city's budget): its yearly totals of counts too
        claimable += [f for f in facts if f.get("role") == "total" and f["unit"] == "" and f["year"] == year]
    for verdict, fact in zip(("supported", "contradicted"), rng.sample(claimable, min(2, len(claimable))), strict=False):
        value = fact["value"]
        if verdict == "contradicted":
            whole = str(int(value))  # one digit changed, as a mistyped figure: 6 934 for 7 934
            value = value + (1 if whole[0] != "9" else -1) * 10 ** (len(whole) - 1)
        shown = fmt(value, fact["decimals"], lang if lang != "en" else "fr")
        kind = "claim_true" if verdict == "supported" else "claim_false"
        tasks.append(lambda f=fact, shown=shown, kind=kind, verdict=verdict: w.add(
            kind, lang, w.phrase(CLAIM, lang, v=shown, x=ev(f), y=f["year"]), value=f["value"],
            decimals=f["decimals"], facts=[f], year=f["year"], verdict=verdict))
    # not covered: each kind of absence the record lists, one question each (at most four)
    absent = list(record["absent"])
    rng.shuffle(absent)
    seen: set[str] = set()
    for gap in absent:
        if gap["kind"] in seen or len(seen) >= 4:
            continue
        seen.add(gap["kind"])
        x = w.everyday(gap["names"], lang)
        if gap["kind"] in ("metric", "old_year"):
            text = w.phrase(COUNT, lang, x=x, y=gap["year"])
        elif gap["kind"] == "category":
            text = w.phrase(FOR_ITEM, lang, x=x, c=gap["category"][lang], y=gap["year"])
        elif gap["kind"] == "measure":
            text = w.phrase(FOR_ITEM, lang, x=x, c=gap["entity"][lang], y=gap["year"])
        else:
            text = w.phrase(PROG_YEAR, lang, x=x, p=gap["programme"][lang], y=gap["year"])
        tasks.append(lambda text=text, gap=gap: w.add("not_covered", lang, text, answerable=False, value=None,
                                                      words=[], year=gap["year"], subkind=gap["kind"]))
    # off topic, naming the report's own town, agency or director
    choices = list(range(len(OFF_TOPIC[lang])))
    if record["subject"] == "city":
        choices.remove(0)  # the city's report names its mayor
    for pick in rng.sample(choices, 2):
        pattern = {lang: [OFF_TOPIC[lang][pick]]}
        director = record["director"].get(lang, record["director"]["fr"]).split(" ", 1)[-1]
        town = rng.choice(record["towns"])
        org = record["acronym"].get(lang, record["acronym"]["fr"])
        tasks.append(lambda pattern=pattern, town=town, org=org, director=director: w.add(
            "off_topic", lang, w.phrase(pattern, lang, town=town, org=org, director=director), answerable=False,
            value=None, words=[]))
    if limit is not None:
        rng.shuffle(tasks)
        tasks = tasks[:limit]
    for task in tasks:
        task()


def write_questions(folder: Path) -> Path:
    record = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    items = generate(record)
    target = folder / "questions.jsonl"
    target.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return target
