"""Arabic number formats for the portal (``FORMAT_MODULE_PATH``), overriding Django's defaults.

Django's Arabic locale groups no thousands and uses a comma as decimal separator. The portal writes
Arabic pages with Western digits, grouped by thousands with a comma and with a decimal point, as
Gulf and OIC institutions do in their Arabic publications, so that "106,125" reads the same in
all three languages. Dates keep Django's Arabic month names, without the comma Django puts after
the month ("29 نوفمبر، 2018"): Arabic writes "29 نوفمبر 2018", as the OIC's Arabic documents do.
"""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

DATE_FORMAT = "j F Y"
