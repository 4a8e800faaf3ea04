"""What the index says in place of what it cannot read: a chart's note, in the edition's language."""

CHART_NOTE = {
    "fr": "graphique dans le rapport (les valeurs se lisent sur le graphique)",
    "nl": "grafiek in het verslag (de waarden staan op de grafiek)",
}
