"""The words of the citation viewer's page."""

VIEW_TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "title": "{document}, p. {page}",
        "open_pdf": "Ouvrir le PDF complet à cette page",
        "zoom": "Le passage cité, agrandi",
        "page": "La page entière, le passage cité surligné",
        "alt": "Page {page} de « {document} »",
        "not_located": "L'emplacement exact du passage n'a pas été repéré sur cette page.",
        "gone": "Cette version du document n'est plus disponible.",
    },
    "nl": {
        "title": "{document}, p. {page}",
        "open_pdf": "De volledige pdf op deze pagina openen",
        "zoom": "De geciteerde passage, vergroot",
        "page": "De hele pagina, de geciteerde passage gemarkeerd",
        "alt": "Pagina {page} van ‘{document}’",
        "not_located": "De precieze plaats van de passage werd op deze pagina niet gevonden.",
        "gone": "Deze versie van het document is niet meer beschikbaar.",
    },
    "en": {
        "title": "{document}, p. {page}",
        "open_pdf": "Open the whole PDF at this page",
        "zoom": "The cited passage, enlarged",
        "page": "The whole page, the cited passage highlighted",
        "alt": "Page {page} of “{document}”",
        "not_located": "The passage's exact place on this page was not found.",
        "gone": "This version of the document is no longer available.",
    },
    "de": {
        "title": "{document}, S. {page}",
        "open_pdf": "Das ganze PDF auf dieser Seite öffnen",
        "zoom": "Die zitierte Stelle, vergrößert",
        "page": "Die ganze Seite, die zitierte Stelle hervorgehoben",
        "alt": "Seite {page} von „{document}“",
        "not_located": "Die genaue Stelle wurde auf dieser Seite nicht gefunden.",
        "gone": "Diese Version des Dokuments ist nicht mehr verfügbar.",
    },
}
