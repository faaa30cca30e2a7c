"""Swedish as it is written in Finland: dates day first with dots (26.11.2026), as Finnish has them.

Django's sv formats are Sweden's (2026-11-26, and 10/25/2006 read month first); what is not set here comes from them.
"""

SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = "j.n.Y H.i"
TIME_FORMAT = "H.i"
DATETIME_FORMAT = "j F Y H.i"
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
