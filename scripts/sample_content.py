"""Content of the sample activity report: fictitious figures, French and Dutch text, one structure.

Every table row holds the values for 2021, 2022 and 2023. Rows marked as a total are computed from the rows
above them, so totals always equal their parts. The same figures feed both editions.
"""

from dataclasses import dataclass, field

YEARS = (2021, 2022, 2023)


@dataclass(frozen=True)
class Row:
    fr: str
    nl: str
    values: tuple[float, ...] | None = None  # one value per year; None: the total of the rows above
    en: str = ""


@dataclass(frozen=True)
class TableData:
    key: str
    caption_fr: str
    caption_nl: str
    unit: str  # persons | files | decisions | % | FTE | days
    rows: list[Row]
    # The row whose 2023 figure and change since 2022 the prose states (index into rows).
    lead_row: int = 0
    years: tuple[int, ...] = YEARS
    first_column_fr: str = "Catégorie"
    first_column_nl: str = "Categorie"


@dataclass(frozen=True)
class ProseFigure:
    """A figure stated only in prose, with the sentence in both languages ({v} is the formatted value)."""

    key: str
    value: float
    unit: str
    year: int
    fr: str
    nl: str


@dataclass
class Chapter:
    number: str
    fr: str
    nl: str
    intro_fr: str = ""
    intro_nl: str = ""
    table: TableData | None = None
    prose_figures: list[ProseFigure] = field(default_factory=list)
    footnote_fr: str = ""
    footnote_nl: str = ""
    columns: int = 1
    chart: bool = False
    new_page: bool = False
    extra_tables: list[TableData] = field(default_factory=list)
    extra_fr: str = ""
    extra_nl: str = ""
    # A lead sentence (figure of 2023 and change since 2022) is written when the table has a lead row.
    lead_fr: str = ""
    lead_nl: str = ""


CHAPTERS: list[Chapter] = [
    Chapter(
        "1",
        "Avant-propos",
        "Voorwoord",
        new_page=True,
        columns=2,
        intro_fr=(
            "L'année 2023 a de nouveau été une année chargée pour l'Office des étrangers. Le nombre de demandes "
            "de visa et de séjour a continué d'augmenter, tout comme le nombre de demandes de protection "
            "internationale. Pour faire face à cette charge de travail, l'Office a misé sur la numérisation, "
            "sur du personnel supplémentaire et sur une approche en chaîne, avec une coopération plus étroite "
            "entre les services de migration et d'asile. La politique de retour a été renforcée : les retours "
            "volontaires comme les retours forcés ont augmenté. Les accompagnateurs ICAM ont repris leurs "
            "fonctions initiales après avoir été presque tous affectés en 2022 à l'enregistrement de la "
            "protection temporaire. Ce rapport présente les chiffres et les activités de nos services en 2023, "
            "comparés à ceux des deux années précédentes. Les chiffres de ce document sont fictifs : il s'agit "
            "d'un exemple construit pour tester l'outil de consultation, et non du rapport officiel."
        ),
        intro_nl=(
            "2023 was opnieuw een druk jaar voor de Dienst Vreemdelingenzaken. Het aantal visum- en "
            "verblijfsaanvragen bleef stijgen, net als het aantal verzoeken om internationale bescherming. Om "
            "die werklast op te vangen, zette de Dienst in op digitalisering, bijkomend personeel en een "
            "ketenaanpak met een nauwere samenwerking tussen de migratie- en asieldiensten. Het terugkeerbeleid "
            "werd versterkt: zowel de vrijwillige als de gedwongen terugkeer namen toe. De ICAM-coaches keerden "
            "terug naar hun oorspronkelijke functie, nadat ze in 2022 bijna allemaal waren ingezet voor de "
            "registratie van tijdelijke bescherming. Dit verslag geeft de cijfers en activiteiten van onze "
            "diensten in 2023 weer, vergeleken met de twee voorgaande jaren. De cijfers in dit document zijn "
            "fictief: het is een voorbeeld om de raadplegingstool te testen, niet het officiële verslag."
        ),
    ),
    Chapter(
        "2",
        "Accès au territoire et court séjour",
        "Toegang tot het grondgebied en kort verblijf",
        new_page=True,
        intro_fr="L'Office examine les demandes de visa de court séjour transmises par les postes diplomatiques "
        "et contrôle, avec la police fédérale, l'accès au territoire aux frontières extérieures.",
        intro_nl="De Dienst onderzoekt de aanvragen voor een visum kort verblijf die de diplomatieke posten "
        "doorsturen en controleert samen met de federale politie de toegang tot het grondgebied aan de "
        "buitengrenzen.",
    ),
    Chapter(
        "2.1",
        "Visas de court séjour",
        "Visa voor kort verblijf",
        intro_fr="Un visa de court séjour permet un séjour de 90 jours maximum sur une période de 180 jours dans "
        "l'espace Schengen. Les postes diplomatiques décident seuls de la plupart des demandes ; ils transmettent "
        "à l'Office les dossiers qui demandent un examen approfondi.",
        intro_nl="Een visum kort verblijf geeft recht op een verblijf van maximaal 90 dagen binnen een periode van "
        "180 dagen in de Schengenruimte. De diplomatieke posten beslissen zelf over de meeste aanvragen; ze sturen "
        "de dossiers die een grondig onderzoek vergen door naar de Dienst.",
        table=TableData(
            "visa_short",
            "Tableau 2.1 : Demandes de visa de court séjour",
            "Tabel 2.1: Aanvragen voor een visum kort verblijf",
            "files",
            [
                Row("Visas délivrés", "Afgegeven visa", (128_412, 171_930, 189_655), "Visas issued"),
                Row("Visas refusés", "Geweigerde visa", (31_207, 39_114, 45_803), "Visas refused"),
                Row("Demandes traitées", "Behandelde aanvragen", None, "Applications processed"),
            ],
            lead_row=2,
        ),
        lead_fr="En 2023, {v} demandes de visa de court séjour ont été traitées, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 werden {v} aanvragen voor een visum kort verblijf behandeld, {p} meer dan in 2022.",
        prose_figures=[
            ProseFigure(
                "visa_short_delay",
                11,
                "days",
                2023,
                "Le délai moyen de traitement d'une demande transmise à l'Office était de {v} jours en 2023.",
                "De gemiddelde behandelingstermijn van een aan de Dienst doorgestuurde aanvraag bedroeg {v} dagen in 2023.",
            )
        ],
    ),
    Chapter(
        "2.2",
        "Contrôles aux frontières",
        "Grenscontroles",
        intro_fr="Lorsqu'un étranger ne remplit pas les conditions d'entrée, l'accès au territoire lui est refusé "
        "à la frontière (refoulement). La plupart des refoulements ont lieu à l'aéroport de Bruxelles-National.",
        intro_nl="Wanneer een vreemdeling niet aan de binnenkomstvoorwaarden voldoet, wordt hem aan de grens de "
        "toegang tot het grondgebied geweigerd (terugdrijving). De meeste terugdrijvingen vinden plaats op de "
        "luchthaven van Brussel-Nationaal.",
        table=TableData(
            "border",
            "Tableau 2.2 : Refoulements aux frontières",
            "Tabel 2.2: Terugdrijvingen aan de grens",
            "persons",
            [
                Row(
                    "Aéroport de Bruxelles-National",
                    "Luchthaven Brussel-Nationaal",
                    (1_486, 2_015, 2_344),
                    "Brussels Airport",
                ),
                Row("Autres aéroports", "Andere luchthavens", (402, 561, 618), "Other airports"),
                Row("Ports maritimes", "Zeehavens", (97, 133, 121), "Seaports"),
                Row("Total", "Totaal", None, "Total"),
            ],
            lead_row=3,
        ),
        lead_fr="Au total, {v} personnes ont été refoulées aux frontières en 2023, soit {p} de plus qu'en 2022.",
        lead_nl="In totaal werden in 2023 {v} personen aan de grens teruggedreven, {p} meer dan in 2022.",
    ),
    Chapter(
        "3",
        "Séjour de longue durée",
        "Lang verblijf",
        new_page=True,
        intro_fr="Le séjour de plus de trois mois est accordé notamment au titre du regroupement familial, des "
        "études ou du travail. Chaque procédure a ses propres conditions.",
        intro_nl="Een verblijf van meer dan drie maanden wordt onder meer toegekend op grond van "
        "gezinshereniging, studie of arbeid. Elke procedure heeft haar eigen voorwaarden.",
    ),
    Chapter(
        "3.1",
        "Regroupement familial",
        "Gezinshereniging",
        intro_fr="Le regroupement familial reste le premier motif de migration légale vers la Belgique. "
        "L'Office vérifie les conditions de revenus, de logement et d'assurance maladie, ainsi que la réalité du "
        "lien familial.",
        intro_nl="Gezinshereniging blijft het belangrijkste motief voor legale migratie naar België. De Dienst "
        "controleert de voorwaarden inzake inkomen, huisvesting en ziekteverzekering, en de echtheid van de "
        "familieband.",
        table=TableData(
            "family",
            "Tableau 3.1 : Regroupement familial, demandes et décisions",
            "Tabel 3.1: Gezinshereniging, aanvragen en beslissingen",
            "files",
            [
                Row(
                    "Demandes de visa regroupement familial",
                    "Visumaanvragen gezinshereniging",
                    (18_450, 21_076, 23_512),
                    "Family reunification visa applications",
                ),
                Row("Décisions positives", "Positieve beslissingen", (11_902, 13_340, 14_987), "Positive decisions"),
                Row("Décisions négatives", "Negatieve beslissingen", (5_811, 6_402, 7_236), "Negative decisions"),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, l'Office a reçu {v} demandes de visa pour regroupement familial, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 ontving de Dienst {v} visumaanvragen voor gezinshereniging, {p} meer dan in 2022.",
        footnote_fr="Y compris les membres de la famille de citoyens de l'Union européenne.",
        footnote_nl="Met inbegrip van familieleden van burgers van de Europese Unie.",
    ),
    Chapter(
        "3.2",
        "Étudiants",
        "Studenten",
        intro_fr="Les ressortissants de pays tiers peuvent obtenir un séjour pour suivre un enseignement supérieur "
        "en Belgique. La demande est introduite auprès du poste diplomatique, avec l'attestation d'inscription et "
        "la preuve de moyens de subsistance suffisants.",
        intro_nl="Onderdanen van derde landen kunnen een verblijf krijgen om hoger onderwijs in België te volgen. "
        "De aanvraag wordt ingediend bij de diplomatieke post, met het inschrijvingsattest en het bewijs van "
        "voldoende bestaansmiddelen.",
        table=TableData(
            "students",
            "Tableau 3.2 : Visas pour études",
            "Tabel 3.2: Visa voor studies",
            "files",
            [
                Row("Demandes", "Aanvragen", (9_874, 11_205, 12_631), "Applications"),
                Row("Visas accordés", "Toegekende visa", (7_116, 8_096, 9_044), "Visas granted"),
            ],
            lead_row=0,
        ),
        lead_fr="Le nombre de demandes de visa pour études a atteint {v} en 2023, soit {p} de plus qu'en 2022.",
        lead_nl="Het aantal visumaanvragen voor studies bereikte {v} in 2023, {p} meer dan in 2022.",
    ),
    Chapter(
        "3.3",
        "Migration économique",
        "Economische migratie",
        intro_fr="La migration économique comprend le permis unique, qui combine l'autorisation de séjour et "
        "l'autorisation de travail, ainsi que la carte bleue européenne pour les travailleurs hautement "
        "qualifiés.",
        intro_nl="Economische migratie omvat de gecombineerde vergunning, die de verblijfs- en de "
        "arbeidsvergunning samenvoegt, en de Europese blauwe kaart voor hooggekwalificeerde werknemers.",
    ),
    Chapter(
        "3.3.1",
        "Permis unique",
        "Gecombineerde vergunning",
        intro_fr="Le permis unique est demandé par l'employeur auprès de la Région compétente, qui transmet le "
        "dossier à l'Office pour l'examen du volet séjour. Les deux administrations échangent les dossiers par "
        "voie électronique.",
        intro_nl="De gecombineerde vergunning wordt door de werkgever aangevraagd bij het bevoegde Gewest, dat het "
        "dossier voor het verblijfsluik aan de Dienst bezorgt. Beide administraties wisselen de dossiers "
        "elektronisch uit.",
        table=TableData(
            "single_permit",
            "Tableau 3.3 : Permis unique, décisions sur le séjour",
            "Tabel 3.3: Gecombineerde vergunning, beslissingen over het verblijf",
            "decisions",
            [
                Row("Décisions positives", "Positieve beslissingen", (6_842, 8_915, 10_438), "Positive decisions"),
                Row("Décisions négatives", "Negatieve beslissingen", (391, 477, 562), "Negative decisions"),
                Row("Total des décisions", "Totaal beslissingen", None, "Total decisions"),
            ],
            lead_row=2,
        ),
        lead_fr="L'Office a pris {v} décisions sur le volet séjour du permis unique en 2023, soit {p} de plus qu'en 2022.",
        lead_nl="De Dienst nam in 2023 {v} beslissingen over het verblijfsluik van de gecombineerde vergunning, {p} meer dan in 2022.",
    ),
    Chapter(
        "3.3.2",
        "Carte bleue européenne",
        "Europese blauwe kaart",
        intro_fr="La carte bleue européenne s'adresse aux travailleurs hautement qualifiés dont le salaire dépasse "
        "un seuil fixé chaque année.",
        intro_nl="De Europese blauwe kaart is bestemd voor hooggekwalificeerde werknemers van wie het loon een "
        "jaarlijks vastgelegde drempel overschrijdt.",
        table=TableData(
            "blue_card",
            "Tableau 3.4 : Cartes bleues européennes délivrées",
            "Tabel 3.4: Afgegeven Europese blauwe kaarten",
            "persons",
            [
                Row("Cartes bleues délivrées", "Afgegeven blauwe kaarten", (1_208, 1_573, 1_961), "Blue cards issued"),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, {v} cartes bleues européennes ont été délivrées, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 werden {v} Europese blauwe kaarten afgegeven, {p} meer dan in 2022.",
    ),
    Chapter(
        "4",
        "Protection internationale",
        "Internationale bescherming",
        new_page=True,
        intro_fr="L'Office enregistre les demandes de protection internationale, détermine l'État membre "
        "responsable de leur examen (procédure Dublin) et transmet les autres dossiers au Commissariat général "
        "aux réfugiés et aux apatrides (CGRA), qui statue sur le fond. Les recours sont portés devant le "
        "Conseil du contentieux des étrangers (CCE).",
        intro_nl="De Dienst registreert de verzoeken om internationale bescherming, bepaalt welke lidstaat "
        "verantwoordelijk is voor de behandeling (Dublinprocedure) en bezorgt de andere dossiers aan het "
        "Commissariaat-generaal voor de Vluchtelingen en de Staatlozen (CGVS), dat ten gronde beslist. Beroepen "
        "worden ingediend bij de Raad voor Vreemdelingenbetwistingen (RvV).",
    ),
    Chapter(
        "4.1",
        "Demandes de protection internationale",
        "Verzoeken om internationale bescherming",
        intro_fr="Les demandes sont introduites au centre d'arrivée, à la frontière ou dans un centre fermé. Une "
        "demande ultérieure est une nouvelle demande introduite après une décision définitive.",
        intro_nl="Verzoeken worden ingediend in het aanmeldcentrum, aan de grens of in een gesloten centrum. Een "
        "volgend verzoek is een nieuw verzoek dat na een definitieve beslissing wordt ingediend.",
        table=TableData(
            "asylum",
            "Tableau 4.1 : Demandes de protection internationale",
            "Tabel 4.1: Verzoeken om internationale bescherming",
            "persons",
            [
                Row("Premières demandes", "Eerste verzoeken", (19_545, 32_052, 29_140), "First applications"),
                Row("Demandes ultérieures", "Volgende verzoeken", (5_500, 4_819, 6_367), "Subsequent applications"),
                Row("Total des demandes", "Totaal verzoeken", None, "Total applications"),
            ],
            lead_row=2,
        ),
        lead_fr="Au total, {v} demandes de protection internationale ont été introduites en 2023, soit {p} de moins qu'en 2022.",
        lead_nl="In totaal werden in 2023 {v} verzoeken om internationale bescherming ingediend, {p} minder dan in 2022.",
    ),
    Chapter(
        "4.2",
        "Décisions du CGRA",
        "Beslissingen van het CGVS",
        intro_fr="Le CGRA accorde le statut de réfugié ou la protection subsidiaire, ou refuse la protection. "
        "Le taux de protection est la part des décisions sur le fond qui accordent une protection.",
        intro_nl="Het CGVS kent de vluchtelingenstatus of de subsidiaire bescherming toe, of weigert de bescherming. "
        "De beschermingsgraad is het aandeel van de beslissingen ten gronde dat een bescherming toekent.",
        table=TableData(
            "protection_rate",
            "Tableau 4.2 : Taux de protection",
            "Tabel 4.2: Beschermingsgraad",
            "%",
            [
                Row("Taux de protection", "Beschermingsgraad", (39.4, 43.2, 45.8), "Protection rate"),
            ],
            lead_row=0,
        ),
        lead_fr="Le taux de protection était de {v} en 2023.",
        lead_nl="De beschermingsgraad bedroeg {v} in 2023.",
        prose_figures=[
            ProseFigure(
                "cgra_decisions",
                24_368,
                "decisions",
                2023,
                "Le CGRA a pris {v} décisions sur le fond en 2023.",
                "Het CGVS nam in 2023 {v} beslissingen ten gronde.",
            )
        ],
    ),
    Chapter(
        "4.3",
        "Procédure Dublin",
        "Dublinprocedure",
        intro_fr="Le règlement Dublin détermine l'État membre responsable de l'examen d'une demande. La Belgique "
        "demande à d'autres États de reprendre des demandeurs et reçoit elle-même de telles demandes.",
        intro_nl="De Dublinverordening bepaalt welke lidstaat verantwoordelijk is voor de behandeling van een "
        "verzoek. België vraagt andere lidstaten om verzoekers terug te nemen en ontvangt zelf zulke verzoeken.",
        table=TableData(
            "dublin",
            "Tableau 4.3 : Procédure Dublin",
            "Tabel 4.3: Dublinprocedure",
            "files",
            [
                Row(
                    "Demandes de reprise envoyées",
                    "Verzonden terugnameverzoeken",
                    (9_412, 12_857, 13_904),
                    "Take-back requests sent",
                ),
                Row("Accords reçus", "Ontvangen akkoorden", (6_530, 8_744, 9_611), "Agreements received"),
                Row("Transferts effectués", "Uitgevoerde overdrachten", (702, 934, 1_187), "Transfers carried out"),
            ],
            lead_row=2,
        ),
        lead_fr="En 2023, {v} transferts Dublin ont été effectués, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 werden {v} Dublinoverdrachten uitgevoerd, {p} meer dan in 2022.",
    ),
    Chapter(
        "5",
        "Protection temporaire pour les personnes venant d'Ukraine",
        "Tijdelijke bescherming voor personen uit Oekraïne",
        new_page=True,
        chart=True,
        intro_fr="Depuis mars 2022, les personnes fuyant la guerre en Ukraine peuvent obtenir une protection "
        "temporaire. En 2022, presque tous les accompagnateurs ICAM ont été affectés à l'enregistrement de ces "
        "personnes. En 2023, le nombre d'enregistrements a fortement diminué.",
        intro_nl="Sinds maart 2022 kunnen personen die de oorlog in Oekraïne ontvluchten tijdelijke bescherming "
        "krijgen. In 2022 werden bijna alle ICAM-coaches ingezet voor de registratie van deze personen. In 2023 "
        "daalde het aantal registraties sterk.",
        table=TableData(
            "ukraine",
            "Tableau 5.1 : Attestations de protection temporaire délivrées",
            "Tabel 5.1: Afgegeven attesten tijdelijke bescherming",
            "persons",
            [
                Row("Attestations délivrées", "Afgegeven attesten", (0, 62_412, 13_806), "Certificates issued"),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, {v} attestations de protection temporaire ont été délivrées, soit {p} de moins qu'en 2022.",
        lead_nl="In 2023 werden {v} attesten tijdelijke bescherming afgegeven, {p} minder dan in 2022.",
    ),
    Chapter(
        "6",
        "Régularisation humanitaire et médicale",
        "Humanitaire en medische regularisatie",
        new_page=True,
        intro_fr="La loi du 15 décembre 1980 permet, dans des circonstances exceptionnelles, de demander une "
        "autorisation de séjour depuis la Belgique : pour raisons humanitaires (article 9bis) ou pour raisons "
        "médicales (article 9ter).",
        intro_nl="De wet van 15 december 1980 laat toe om in buitengewone omstandigheden vanuit België een "
        "machtiging tot verblijf aan te vragen: om humanitaire redenen (artikel 9bis) of om medische redenen "
        "(artikel 9ter).",
    ),
    Chapter(
        "6.1",
        "Article 9bis",
        "Artikel 9bis",
        intro_fr="Une demande 9bis doit d'abord démontrer des circonstances exceptionnelles qui empêchent "
        "d'introduire la demande depuis l'étranger ; l'Office examine ensuite le fond.",
        intro_nl="Een 9bis-aanvraag moet eerst buitengewone omstandigheden aantonen die verhinderen dat de aanvraag "
        "vanuit het buitenland wordt ingediend; daarna onderzoekt de Dienst de grond van de zaak.",
        table=TableData(
            "9bis",
            "Tableau 6.1 : Demandes 9bis",
            "Tabel 6.1: Aanvragen 9bis",
            "files",
            [
                Row("Demandes introduites", "Ingediende aanvragen", (4_012, 4_388, 4_751), "Applications submitted"),
                Row(
                    "Autorisations accordées",
                    "Toegekende machtigingen",
                    (1_102, 1_076, 1_214),
                    "Authorisations granted",
                ),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, {v} demandes de régularisation humanitaire (9bis) ont été introduites, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 werden {v} aanvragen tot humanitaire regularisatie (9bis) ingediend, {p} meer dan in 2022.",
    ),
    Chapter(
        "6.2",
        "Article 9ter",
        "Artikel 9ter",
        intro_fr="Une demande 9ter concerne une personne atteinte d'une maladie grave pour laquelle aucun "
        "traitement adéquat n'existe dans son pays d'origine. Un médecin-conseiller de l'Office rend un avis.",
        intro_nl="Een 9ter-aanvraag betreft een persoon met een ernstige ziekte waarvoor in het land van herkomst "
        "geen adequate behandeling bestaat. Een arts-adviseur van de Dienst geeft een advies.",
        table=TableData(
            "9ter",
            "Tableau 6.2 : Demandes 9ter",
            "Tabel 6.2: Aanvragen 9ter",
            "files",
            [
                Row("Demandes introduites", "Ingediende aanvragen", (3_187, 3_402, 3_566), "Applications submitted"),
                Row("Autorisations accordées", "Toegekende machtigingen", (251, 233, 289), "Authorisations granted"),
            ],
            lead_row=0,
        ),
        lead_fr="Les demandes de régularisation médicale (9ter) ont atteint {v} en 2023, soit {p} de plus qu'en 2022.",
        lead_nl="De aanvragen tot medische regularisatie (9ter) bereikten {v} in 2023, {p} meer dan in 2022.",
    ),
    Chapter(
        "7",
        "Mineurs étrangers non accompagnés",
        "Niet-begeleide minderjarige vreemdelingen",
        new_page=True,
        intro_fr="Un mineur étranger non accompagné (MENA) est une personne de moins de 18 ans qui arrive en "
        "Belgique sans être accompagnée d'un parent ou d'un tuteur légal. Le service des Tutelles désigne un "
        "tuteur ; l'Office cherche avec lui une solution durable pour chaque MENA.",
        intro_nl="Een niet-begeleide minderjarige vreemdeling (NBMV) is een persoon jonger dan 18 jaar die in België "
        "aankomt zonder ouder of wettelijke voogd. De dienst Voogdij wijst een voogd aan; de Dienst zoekt samen met "
        "die voogd een duurzame oplossing voor elke NBMV.",
        table=TableData(
            "minors",
            "Tableau 7.1 : Mineurs étrangers non accompagnés signalés",
            "Tabel 7.1: Gesignaleerde niet-begeleide minderjarige vreemdelingen",
            "persons",
            [
                Row(
                    "MENA demandeurs de protection",
                    "NBMV die bescherming vragen",
                    (2_855, 4_126, 3_518),
                    "UAMs applying for protection",
                ),
                Row("Autres MENA", "Andere NBMV", (1_410, 1_622, 1_485), "Other UAMs"),
                Row("Total", "Totaal", None, "Total"),
            ],
            lead_row=2,
        ),
        lead_fr="En 2023, {v} mineurs étrangers non accompagnés ont été signalés, soit {p} de moins qu'en 2022.",
        lead_nl="In 2023 werden {v} niet-begeleide minderjarige vreemdelingen gesignaleerd, {p} minder dan in 2022.",
        footnote_fr="Un même mineur n'est compté qu'une fois par année.",
        footnote_nl="Eenzelfde minderjarige wordt slechts eenmaal per jaar geteld.",
    ),
    Chapter(
        "8",
        "Retour",
        "Terugkeer",
        new_page=True,
        intro_fr="La politique de retour a été renforcée en 2023. L'Office privilégie le retour volontaire, "
        "organisé avec Fedasil et l'OIM, et recourt au retour forcé lorsque la personne ne quitte pas le "
        "territoire après un ordre de quitter le territoire (OQT).",
        intro_nl="Het terugkeerbeleid werd in 2023 versterkt. De Dienst geeft de voorkeur aan vrijwillige "
        "terugkeer, georganiseerd met Fedasil en de IOM, en gaat over tot gedwongen terugkeer wanneer de persoon "
        "het grondgebied niet verlaat na een bevel om het grondgebied te verlaten (BGV).",
    ),
    Chapter(
        "8.1",
        "Retours volontaires",
        "Vrijwillige terugkeer",
        intro_fr="Le retour volontaire est accompagné d'une aide au voyage et, le cas échéant, d'une aide à la "
        "réintégration dans le pays d'origine.",
        intro_nl="Vrijwillige terugkeer gaat gepaard met reisondersteuning en, indien nodig, met "
        "re-integratiesteun in het land van herkomst.",
        table=TableData(
            "voluntary",
            "Tableau 8.1 : Retours volontaires",
            "Tabel 8.1: Vrijwillige terugkeer",
            "persons",
            [
                Row(
                    "Retours volontaires assistés",
                    "Begeleide vrijwillige terugkeer",
                    (2_410, 3_006, 3_488),
                    "Assisted voluntary returns",
                ),
                Row(
                    "Retours volontaires autonomes",
                    "Zelfstandige vrijwillige terugkeer",
                    (1_136, 1_284, 1_541),
                    "Independent voluntary returns",
                ),
                Row("Total des retours volontaires", "Totaal vrijwillige terugkeer", None, "Total voluntary returns"),
            ],
            lead_row=2,
        ),
        lead_fr="En 2023, {v} personnes sont retournées volontairement, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 keerden {v} personen vrijwillig terug, {p} meer dan in 2022.",
    ),
    Chapter(
        "8.2",
        "Retours forcés",
        "Gedwongen terugkeer",
        intro_fr="Les retours forcés comprennent les rapatriements vers le pays d'origine, les transferts Dublin "
        "et les remises aux États voisins. Les éloignements depuis un centre fermé sont accompagnés par la police "
        "fédérale.",
        intro_nl="Gedwongen terugkeer omvat repatriëringen naar het land van herkomst, Dublinoverdrachten en "
        "overdrachten aan buurlanden. Verwijderingen vanuit een gesloten centrum worden door de federale politie "
        "begeleid.",
        table=TableData(
            "forced",
            "Tableau 8.2 : Retours forcés",
            "Tabel 8.2: Gedwongen terugkeer",
            "persons",
            [
                Row("Rapatriements", "Repatriëringen", (1_648, 1_907, 2_236), "Repatriations"),
                Row("Transferts Dublin", "Dublinoverdrachten", (702, 934, 1_187), "Dublin transfers"),
                Row(
                    "Remises aux États voisins",
                    "Overdrachten aan buurlanden",
                    (512, 486, 571),
                    "Handovers to neighbouring states",
                ),
                Row("Total des retours forcés", "Totaal gedwongen terugkeer", None, "Total forced returns"),
            ],
            lead_row=3,
        ),
        lead_fr="Le nombre de retours forcés est passé à {v} en 2023, soit {p} de plus qu'en 2022.",
        lead_nl="Het aantal gedwongen terugkeren steeg tot {v} in 2023, {p} meer dan in 2022.",
    ),
    Chapter(
        "8.3",
        "Détention",
        "Detentie",
        intro_fr="L'Office gère six centres fermés. La détention est une mesure de dernier recours en vue de "
        "l'éloignement ; sa durée est limitée par la loi.",
        intro_nl="De Dienst beheert zes gesloten centra. Detentie is een laatste redmiddel met het oog op "
        "verwijdering; de duur ervan is wettelijk beperkt.",
        table=TableData(
            "detention",
            "Tableau 8.3 : Centres fermés",
            "Tabel 8.3: Gesloten centra",
            "persons",
            [
                Row("Personnes détenues", "Vastgehouden personen", (5_702, 6_118, 6_544), "Persons detained"),
                Row(
                    "Durée moyenne de détention (jours)",
                    "Gemiddelde detentieduur (dagen)",
                    (41, 39, 37),
                    "Average length of detention (days)",
                ),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, {v} personnes ont été détenues dans un centre fermé, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 werden {v} personen in een gesloten centrum vastgehouden, {p} meer dan in 2022.",
    ),
    Chapter(
        "8.4",
        "Alternatives à la détention",
        "Alternatieven voor detentie",
        intro_fr="Le département Alternatives à la détention accompagne les familles et les personnes en séjour "
        "irrégulier vers une solution durable sans recourir à l'enfermement.",
        intro_nl="De afdeling Alternatieven voor Detentie begeleidt gezinnen en personen zonder wettig verblijf "
        "naar een duurzame oplossing zonder opsluiting.",
    ),
    Chapter(
        "8.4.1",
        "Accompagnateurs ICAM",
        "ICAM-coaches",
        intro_fr="Les accompagnateurs ICAM (Individual case management) rencontrent les personnes qui ont reçu un "
        "ordre de quitter le territoire pour examiner avec elles une perspective d'avenir durable. En 2023, ils "
        "ont repris leurs fonctions initiales après avoir été presque tous affectés à l'enregistrement de la "
        "protection temporaire en 2022.",
        intro_nl="De ICAM-coaches (individuele casemanagementcoaches) ontmoeten personen die een bevel kregen om het "
        "grondgebied te verlaten, om samen met hen een duurzaam toekomstperspectief te zoeken. In 2023 keerden zij "
        "terug naar hun oorspronkelijke functie, nadat ze in 2022 bijna allemaal waren ingezet voor de registratie "
        "van tijdelijke bescherming.",
        table=TableData(
            "icam",
            "Tableau 8.4 : Entretiens ICAM",
            "Tabel 8.4: ICAM-gesprekken",
            "persons",
            [
                Row("Entretiens menés", "Gevoerde gesprekken", (3_114, 682, 3_962), "Interviews held"),
                Row("Accompagnateurs ICAM (ETP)", "ICAM-coaches (VTE)", (22, 23, 26), "ICAM coaches (FTE)"),
            ],
            lead_row=0,
        ),
        lead_fr="Au total, les accompagnateurs ICAM ont mené {v} entretiens en 2023, soit près de 4\u00a0000.",
        lead_nl="In totaal voerden de ICAM-coaches {v} gesprekken in 2023, bijna 4000.",
    ),
    Chapter(
        "8.4.2",
        "Maisons de retour",
        "Terugkeerwoningen",
        intro_fr="Les familles avec enfants mineurs ne sont plus placées en centre fermé ; elles sont hébergées "
        "dans des maisons de retour ouvertes, où un coach les accompagne.",
        intro_nl="Gezinnen met minderjarige kinderen worden niet langer in een gesloten centrum geplaatst; ze "
        "verblijven in open terugkeerwoningen, waar een coach hen begeleidt.",
        prose_figures=[
            ProseFigure(
                "return_houses_families",
                187,
                "persons",
                2023,
                "En 2023, {v} familles ont séjourné dans une maison de retour.",
                "In 2023 verbleven {v} gezinnen in een terugkeerwoning.",
            )
        ],
    ),
    Chapter(
        "9",
        "Fraude et abus",
        "Fraude en misbruik",
        new_page=True,
        intro_fr="L'Office lutte quotidiennement contre la migration irrégulière et les abus des procédures, en "
        "collaboration avec les parquets, la police et les communes.",
        intro_nl="De Dienst zet dagelijks in op de strijd tegen irreguliere migratie en misbruik van de "
        "procedures, in samenwerking met de parketten, de politie en de gemeenten.",
    ),
    Chapter(
        "9.1",
        "Mariages et cohabitations de complaisance",
        "Schijnhuwelijken en schijnwettelijke samenwoning",
        intro_fr="Un mariage de complaisance est conclu dans le seul but d'obtenir un droit de séjour. Les "
        "officiers de l'état civil signalent les dossiers suspects.",
        intro_nl="Een schijnhuwelijk wordt enkel gesloten om een verblijfsrecht te verkrijgen. De ambtenaren van de "
        "burgerlijke stand melden verdachte dossiers.",
        table=TableData(
            "sham",
            "Tableau 9.1 : Mariages et cohabitations de complaisance",
            "Tabel 9.1: Schijnhuwelijken en schijnwettelijke samenwoning",
            "files",
            [
                Row("Signalements reçus", "Ontvangen meldingen", (1_734, 1_869, 2_012), "Reports received"),
                Row("Séjours retirés", "Ingetrokken verblijven", (298, 334, 371), "Residence permits withdrawn"),
            ],
            lead_row=0,
        ),
        lead_fr="L'Office a reçu {v} signalements de mariages ou cohabitations de complaisance en 2023, soit {p} de plus qu'en 2022.",
        lead_nl="De Dienst ontving in 2023 {v} meldingen van schijnhuwelijken of schijnwettelijke samenwoningen, {p} meer dan in 2022.",
    ),
    Chapter(
        "9.2",
        "Fraude documentaire",
        "Documentfraude",
        intro_fr="Les documents présentés à l'appui d'une demande sont vérifiés ; les faux et falsifications sont "
        "signalés au parquet.",
        intro_nl="Documenten die bij een aanvraag worden voorgelegd, worden gecontroleerd; valse en vervalste "
        "documenten worden aan het parket gemeld.",
        table=TableData(
            "doc_fraud",
            "Tableau 9.2 : Fraude documentaire détectée",
            "Tabel 9.2: Vastgestelde documentfraude",
            "files",
            [
                Row(
                    "Documents faux ou falsifiés",
                    "Valse of vervalste documenten",
                    (1_021, 1_187, 1_309),
                    "False or falsified documents",
                ),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, {v} documents faux ou falsifiés ont été détectés, soit {p} de plus qu'en 2022.",
        lead_nl="In 2023 werden {v} valse of vervalste documenten vastgesteld, {p} meer dan in 2022.",
    ),
    Chapter(
        "10",
        "Organisation",
        "Organisatie",
        new_page=True,
        intro_fr="Pour absorber l'augmentation de la charge de travail, l'Office a recruté du personnel, "
        "numérisé ses procédures et renforcé la coopération au sein de la chaîne migratoire.",
        intro_nl="Om de toegenomen werklast op te vangen, heeft de Dienst personeel aangeworven, zijn procedures "
        "gedigitaliseerd en de samenwerking binnen de migratieketen versterkt.",
    ),
    Chapter(
        "10.1",
        "Personnel",
        "Personeel",
        intro_fr="Les effectifs sont exprimés en équivalents temps plein (ETP) au 31 décembre.",
        intro_nl="Het personeelsbestand wordt uitgedrukt in voltijdse equivalenten (VTE) op 31 december.",
        table=TableData(
            "staff",
            "Tableau 10.1 : Personnel",
            "Tabel 10.1: Personeel",
            "FTE",
            [
                Row("Personnel statutaire", "Statutair personeel", (1_402, 1_455, 1_538), "Statutory staff"),
                Row("Personnel contractuel", "Contractueel personeel", (618, 702, 811), "Contract staff"),
                Row("Total du personnel", "Totaal personeel", None, "Total staff"),
            ],
            lead_row=2,
        ),
        lead_fr="Fin 2023, l'Office comptait {v} ETP, soit {p} de plus qu'en 2022.",
        lead_nl="Eind 2023 telde de Dienst {v} VTE, {p} meer dan in 2022.",
    ),
    Chapter(
        "10.2",
        "Numérisation",
        "Digitalisering",
        intro_fr="Les demandes de visa et de séjour peuvent de plus en plus être introduites en ligne, ce qui "
        "réduit les délais et les erreurs de saisie.",
        intro_nl="Visum- en verblijfsaanvragen kunnen steeds vaker online worden ingediend, wat de termijnen en "
        "invoerfouten vermindert.",
        table=TableData(
            "digital",
            "Tableau 10.2 : Part des demandes introduites en ligne",
            "Tabel 10.2: Aandeel online ingediende aanvragen",
            "%",
            [
                Row(
                    "Demandes de séjour en ligne",
                    "Online verblijfsaanvragen",
                    (18.5, 27.0, 41.5),
                    "Residence applications online",
                ),
            ],
            lead_row=0,
        ),
        lead_fr="En 2023, {v} des demandes de séjour ont été introduites en ligne.",
        lead_nl="In 2023 werd {v} van de verblijfsaanvragen online ingediend.",
    ),
    Chapter(
        "10.3",
        "Approche en chaîne",
        "Ketenaanpak",
        columns=2,
        intro_fr="L'approche en chaîne réunit l'Office, le CGRA, Fedasil et le CCE autour d'objectifs communs : "
        "des procédures plus courtes, un suivi commun des dossiers et un échange de données plus rapide. En 2023, "
        "les partenaires ont mis en place un tableau de bord commun et des réunions de coordination mensuelles. "
        "Cette coopération plus étroite entre les services de migration et d'asile permet de mieux répartir la "
        "charge de travail et d'éviter les doublons entre administrations.",
        intro_nl="De ketenaanpak brengt de Dienst, het CGVS, Fedasil en de RvV samen rond gemeenschappelijke "
        "doelstellingen: kortere procedures, een gezamenlijke opvolging van de dossiers en een snellere "
        "gegevensuitwisseling. In 2023 voerden de partners een gemeenschappelijk dashboard en maandelijkse "
        "coördinatievergaderingen in. Die nauwere samenwerking tussen de migratie- en asieldiensten maakt het "
        "mogelijk de werklast beter te verdelen en dubbel werk tussen administraties te vermijden.",
    ),
]


MONTHS = [
    ("janvier", "januari", "January"),
    ("février", "februari", "February"),
    ("mars", "maart", "March"),
    ("avril", "april", "April"),
    ("mai", "mei", "May"),
    ("juin", "juni", "June"),
    ("juillet", "juli", "July"),
    ("août", "augustus", "August"),
    ("septembre", "september", "September"),
    ("octobre", "oktober", "October"),
    ("novembre", "november", "November"),
    ("décembre", "december", "December"),
]
# Fixed monthly shares (per mille), so a year's months always add up to its total.
MONTH_WEIGHTS = [(78, 74, 81, 79, 84, 86, 92, 95, 88, 85, 82, 76), (71, 69, 80, 83, 88, 90, 97, 99, 86, 83, 79, 75)]


def _split(total: float, weights: tuple[int, ...]) -> list[int]:
    parts = [int(total * w / sum(weights)) for w in weights]
    for i in range(int(total) - sum(parts)):  # the rounding remainder goes to the first months
        parts[i % len(parts)] += 1
    return parts


def _annual(chapter_number: str, row: int) -> tuple[float, ...]:
    chapter = next(c for c in CHAPTERS if c.number == chapter_number)
    assert chapter.table is not None
    values = chapter.table.rows[row].values
    if values is None:  # a total row
        values = tuple(sum(r.values[i] for r in chapter.table.rows if r.values) for i in range(3))  # type: ignore[index]
    return values


def monthly_table(chapter_number: str, row: int, key: str, caption_fr: str, caption_nl: str, unit: str) -> TableData:
    annual = _annual(chapter_number, row)
    by_year = [_split(annual[1], MONTH_WEIGHTS[0]), _split(annual[2], MONTH_WEIGHTS[1])]
    rows = [Row(fr, nl, (by_year[0][m], by_year[1][m]), en) for m, (fr, nl, en) in enumerate(MONTHS)]
    rows.append(Row("Total", "Totaal", None, "Total"))
    return TableData(
        key,
        caption_fr,
        caption_nl,
        unit,
        rows,
        lead_row=12,
        years=(2022, 2023),
        first_column_fr="Mois",
        first_column_nl="Maand",
    )


def nationality_table(
    chapter_number: str,
    row: int,
    key: str,
    caption_fr: str,
    caption_nl: str,
    unit: str,
    countries: list[tuple[str, str, str, int]],
) -> TableData:
    total = _annual(chapter_number, row)[2]
    rows = [Row(fr, nl, (round(total * share / 1000),), en) for fr, nl, en, share in countries]
    rest = total - sum(r.values[0] for r in rows)  # type: ignore[index]
    rows += [
        Row("Autres nationalités", "Andere nationaliteiten", (rest,), "Other nationalities"),
        Row("Total", "Totaal", None, "Total"),
    ]
    return TableData(
        key,
        caption_fr,
        caption_nl,
        unit,
        rows,
        lead_row=len(rows) - 1,
        years=(2023,),
        first_column_fr="Nationalité",
        first_column_nl="Nationaliteit",
    )


def _chapter(number: str) -> Chapter:
    return next(c for c in CHAPTERS if c.number == number)


_chapter("2.1").extra_tables.append(
    monthly_table(
        "2.1",
        2,
        "visa_short_monthly",
        "Tableau 2.2 : Demandes de visa de court séjour traitées par mois",
        "Tabel 2.2: Behandelde aanvragen voor een visum kort verblijf per maand",
        "files",
    )
)
_chapter("2.1").extra_tables.append(
    nationality_table(
        "2.1",
        0,
        "visa_short_nationality",
        "Tableau 2.3 : Visas de court séjour délivrés par nationalité en 2023",
        "Tabel 2.3: Afgegeven visa kort verblijf per nationaliteit in 2023",
        "files",
        [
            ("Inde", "India", "India", 142),
            ("Chine", "China", "China", 118),
            ("Maroc", "Marokko", "Morocco", 97),
            ("Turquie", "Turkije", "Türkiye", 83),
            ("Congo (RD)", "Congo (DR)", "Congo (DR)", 71),
        ],
    )
)
_chapter("4.1").extra_tables.append(
    monthly_table(
        "4.1",
        2,
        "asylum_monthly",
        "Tableau 4.2 : Demandes de protection internationale par mois",
        "Tabel 4.2: Verzoeken om internationale bescherming per maand",
        "persons",
    )
)
_chapter("4.1").extra_tables.append(
    nationality_table(
        "4.1",
        2,
        "asylum_nationality",
        "Tableau 4.3 : Demandes de protection internationale par nationalité en 2023",
        "Tabel 4.3: Verzoeken om internationale bescherming per nationaliteit in 2023",
        "persons",
        [
            ("Afghanistan", "Afghanistan", "Afghanistan", 131),
            ("Syrie", "Syrië", "Syria", 104),
            ("Palestine", "Palestina", "Palestine", 77),
            ("Turquie", "Turkije", "Türkiye", 63),
            ("Érythrée", "Eritrea", "Eritrea", 58),
            ("Burundi", "Burundi", "Burundi", 49),
        ],
    )
)
_chapter("8.1").extra_tables.append(
    nationality_table(
        "8.1",
        2,
        "voluntary_nationality",
        "Tableau 8.2 : Retours volontaires par nationalité en 2023",
        "Tabel 8.2: Vrijwillige terugkeer per nationaliteit in 2023",
        "persons",
        [
            ("Brésil", "Brazilië", "Brazil", 152),
            ("Ukraine", "Oekraïne", "Ukraine", 121),
            ("Géorgie", "Georgië", "Georgia", 96),
            ("Roumanie", "Roemenië", "Romania", 74),
            ("Moldavie", "Moldavië", "Moldova", 62),
        ],
    )
)
_chapter("8.2").extra_tables.append(
    monthly_table(
        "8.2",
        3,
        "forced_monthly",
        "Tableau 8.4 : Retours forcés par mois",
        "Tabel 8.4: Gedwongen terugkeer per maand",
        "persons",
    )
)
_chapter("7").extra_tables.append(
    nationality_table(
        "7",
        2,
        "minors_nationality",
        "Tableau 7.2 : MENA signalés par nationalité en 2023",
        "Tabel 7.2: Gesignaleerde NBMV per nationaliteit in 2023",
        "persons",
        [
            ("Afghanistan", "Afghanistan", "Afghanistan", 284),
            ("Érythrée", "Eritrea", "Eritrea", 112),
            ("Syrie", "Syrië", "Syria", 97),
            ("Maroc", "Marokko", "Morocco", 81),
            ("Guinée", "Guinee", "Guinea", 64),
        ],
    )
)

CHAPTERS.append(
    Chapter(
        "11",
        "Annexe statistique",
        "Statistische bijlage",
        new_page=True,
        intro_fr="Cette annexe détaille par mois les principaux flux de l'année 2023, comparés à 2022. Les totaux "
        "annuels correspondent aux tableaux des chapitres précédents.",
        intro_nl="Deze bijlage geeft per maand de belangrijkste stromen van 2023 weer, vergeleken met 2022. De "
        "jaartotalen komen overeen met de tabellen van de vorige hoofdstukken.",
    )
)
for _number, (_source, _row, _key, _fr, _nl, _unit) in enumerate(
    [
        (
            "3.1",
            0,
            "family_monthly",
            "Demandes de visa regroupement familial par mois",
            "Visumaanvragen gezinshereniging per maand",
            "files",
        ),
        (
            "3.2",
            0,
            "students_monthly",
            "Demandes de visa pour études par mois",
            "Visumaanvragen voor studies per maand",
            "files",
        ),
        ("6.1", 0, "9bis_monthly", "Demandes 9bis par mois", "Aanvragen 9bis per maand", "files"),
        ("6.2", 0, "9ter_monthly", "Demandes 9ter par mois", "Aanvragen 9ter per maand", "files"),
        ("7", 2, "minors_monthly", "MENA signalés par mois", "Gesignaleerde NBMV per maand", "persons"),
        ("8.1", 2, "voluntary_monthly", "Retours volontaires par mois", "Vrijwillige terugkeer per maand", "persons"),
        (
            "8.3",
            0,
            "detention_monthly",
            "Personnes détenues en centre fermé par mois",
            "In een gesloten centrum vastgehouden personen per maand",
            "persons",
        ),
    ],
    1,
):
    _parent = _chapter(_source)
    CHAPTERS.append(
        Chapter(
            f"11.{_number}",
            f"{_parent.fr} : détail mensuel",
            f"{_parent.nl}: maandelijks detail",
            new_page=True,
            intro_fr=f"Le tableau ci-dessous ventile par mois les chiffres de la section {_source} ({_parent.fr}).",
            intro_nl=f"De onderstaande tabel verdeelt de cijfers van afdeling {_source} ({_parent.nl}) per maand.",
            table=monthly_table(_source, _row, _key, _fr, _nl, _unit),
        )
    )

GLOSSARY = [
    (
        "OE / DVZ",
        "Office des étrangers (Dienst Vreemdelingenzaken), l'administration fédérale chargée de l'accès "
        "au territoire, du séjour et de l'éloignement.",
        "Dienst Vreemdelingenzaken (Office des étrangers), de federale "
        "administratie bevoegd voor toegang tot het grondgebied, verblijf en verwijdering.",
    ),
    (
        "CGRA / CGVS",
        "Commissariat général aux réfugiés et aux apatrides, qui statue sur les demandes de protection internationale.",
        "Commissariaat-generaal voor de Vluchtelingen en de Staatlozen, dat beslist over verzoeken "
        "om internationale bescherming.",
    ),
    (
        "CCE / RvV",
        "Conseil du contentieux des étrangers, la juridiction de recours.",
        "Raad voor Vreemdelingenbetwistingen, het beroepsrechtscollege.",
    ),
    (
        "OQT / BGV",
        "Ordre de quitter le territoire, la décision qui impose de quitter la Belgique.",
        "Bevel om het grondgebied te verlaten, de beslissing die oplegt België te verlaten.",
    ),
    (
        "MENA / NBMV",
        "Mineur étranger non accompagné, de moins de 18 ans, sans parent ni tuteur légal.",
        "Niet-begeleide minderjarige vreemdeling, jonger dan 18 jaar, zonder ouder of wettelijke voogd.",
    ),
    (
        "Fedasil",
        "Agence fédérale pour l'accueil des demandeurs d'asile, qui organise aussi le retour volontaire.",
        "Federaal agentschap voor de opvang van asielzoekers, dat ook de vrijwillige terugkeer organiseert.",
    ),
    (
        "ICAM",
        "Individual case management : accompagnement individuel des personnes en séjour irrégulier vers une "
        "solution durable.",
        "Individueel casemanagement: individuele begeleiding van personen zonder wettig verblijf "
        "naar een duurzame oplossing.",
    ),
    (
        "9bis",
        "Demande d'autorisation de séjour pour raisons humanitaires introduite en Belgique.",
        "Aanvraag tot machtiging tot verblijf om humanitaire redenen, ingediend in België.",
    ),
    (
        "9ter",
        "Demande d'autorisation de séjour pour raisons médicales introduite en Belgique.",
        "Aanvraag tot machtiging tot verblijf om medische redenen, ingediend in België.",
    ),
    (
        "Permis unique",
        "Autorisation combinant séjour et travail, demandée par l'employeur auprès de la Région.",
        "Vergunning die verblijf en arbeid combineert, door de werkgever aangevraagd bij het Gewest.",
    ),
    (
        "Dublin",
        "Règlement européen qui détermine l'État membre responsable d'une demande de protection.",
        "Europese verordening die bepaalt welke lidstaat verantwoordelijk is voor een beschermingsverzoek.",
    ),
    (
        "Protection temporaire",
        "Protection accordée collectivement aux personnes fuyant la guerre en Ukraine.",
        "Bescherming die collectief wordt toegekend aan personen die de oorlog in Oekraïne ontvluchten.",
    ),
    (
        "ETP / VTE",
        "Équivalent temps plein, l'unité de mesure du personnel.",
        "Voltijds equivalent, de meeteenheid van het personeel.",
    ),
]
CHAPTERS.append(
    Chapter(
        "12",
        "Glossaire",
        "Woordenlijst",
        new_page=True,
        intro_fr="\n".join(f"{term} : {fr}" for term, fr, _ in GLOSSARY),
        intro_nl="\n".join(
            f"{term.replace('Permis unique', 'Gecombineerde vergunning').replace('Protection temporaire', 'Tijdelijke bescherming')}: {nl}"
            for term, _, nl in GLOSSARY
        ),
    )
)

CHAPTERS.insert(
    1,
    Chapter(
        "1.1",
        "Méthodologie",
        "Methodologie",
        intro_fr=(
            "Les chiffres de ce rapport proviennent des bases de données de l'Office et sont arrêtés au 31 janvier "
            "2024. Ils peuvent différer légèrement des chiffres publiés plus tôt, parce que des dossiers sont encodés "
            "avec retard.\nUne personne peut apparaître plusieurs fois dans une même statistique lorsqu'elle introduit "
            "plusieurs demandes au cours de l'année. Les décisions d'une année ne portent pas nécessairement sur les "
            "demandes introduites la même année.\nLes pourcentages sont arrondis à une décimale. Les totaux sont "
            "calculés à partir des chiffres non arrondis."
        ),
        intro_nl=(
            "De cijfers in dit verslag komen uit de databanken van de Dienst en werden afgesloten op 31 januari 2024. "
            "Ze kunnen licht afwijken van eerder gepubliceerde cijfers, omdat sommige dossiers met vertraging worden "
            "ingevoerd.\nEen persoon kan meermaals in eenzelfde statistiek voorkomen wanneer hij in de loop van het jaar "
            "meerdere aanvragen indient. De beslissingen van een jaar hebben niet noodzakelijk betrekking op de "
            "aanvragen van datzelfde jaar.\nPercentages worden afgerond op één decimaal. De totalen worden berekend op "
            "basis van de niet-afgeronde cijfers."
        ),
    ),
)
_organisation = next(i for i, c in enumerate(CHAPTERS) if c.number == "10.3")
CHAPTERS.insert(
    _organisation + 1,
    Chapter(
        "10.4",
        "Perspectives pour 2024",
        "Vooruitzichten voor 2024",
        intro_fr=(
            "En 2024, l'Office poursuivra la numérisation des procédures de séjour, avec l'objectif que la majorité des "
            "demandes puissent être introduites en ligne. Le nouveau pacte européen sur la migration et l'asile "
            "demandera d'adapter les procédures à la frontière et le filtrage des arrivées.\nL'approche en chaîne sera "
            "étendue aux communes, qui traitent une grande partie des dossiers de séjour. Enfin, l'Office continuera "
            "à investir dans l'accompagnement individuel vers le retour, qui a montré ses résultats en 2023."
        ),
        intro_nl=(
            "In 2024 zet de Dienst de digitalisering van de verblijfsprocedures voort, met als doel dat de meeste "
            "aanvragen online kunnen worden ingediend. Het nieuwe Europese migratie- en asielpact vergt aanpassingen "
            "van de grensprocedures en van de screening bij aankomst.\nDe ketenaanpak wordt uitgebreid naar de "
            "gemeenten, die een groot deel van de verblijfsdossiers behandelen. Tot slot blijft de Dienst investeren in "
            "individuele begeleiding naar terugkeer, die in 2023 haar resultaten heeft aangetoond."
        ),
    ),
)
