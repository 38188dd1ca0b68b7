"""English dates as the OIC writes them (British usage): "29 November 2018", not "Nov. 29, 2018"."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
