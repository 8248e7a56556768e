"""Language-independent tables of the number parser (``summarize.numparse``).

The words of each language (number words, scale words, percent and currency words…) live in
its profile (``summarize.lang``) and are assembled by ``summarize.numvocab``.
"""

from __future__ import annotations

#: Abbreviations that scale only an amount of money ("$30m", "€2k"): "30 m" is metres.
MONEY_SCALES = {"m": 1e6, "k": 1e3}
#: Percent signs, after a number ("11 %") or before it ("%11").
PERCENT_SIGNS = ("%", "٪")
#: Currency symbols and upper-case codes (before or after a number) → ISO 4217 code.
CURRENCY_SIGNS: dict[str, str] = {
    "€": "EUR", "$": "USD", "£": "GBP", "₺": "TRY", "¥": "JPY", "EUR": "EUR", "USD": "USD",
    "GBP": "GBP", "TRY": "TRY", "TL": "TRY", "CHF": "CHF", "JPY": "JPY",
    # Signs of one currency each (Unicode's currency symbols): "₹23,000 crore", "₦50 million".
    "₹": "INR", "₦": "NGN", "₩": "KRW", "₽": "RUB", "₱": "PHP", "₴": "UAH", "₪": "ILS",
    "₫": "VND", "₸": "KZT", "฿": "THB", "₵": "GHS", "₼": "AZN", "₾": "GEL", "₮": "MNT",
    "₭": "LAK", "₲": "PYG", "₡": "CRC"}
#: Letters glued before "$" that name another dollar (or the real, "R$"): "A$1.4 billion" is
#: Australian, not US; an unknown prefix ("Bds$") keeps its sign as the code, so that no
#: currency is guessed.
DOLLAR_PREFIXES = {
    "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "CAN": "CAD", "NZ": "NZD",
    "HK": "HKD", "S": "SGD", "SG": "SGD", "R": "BRL", "MX": "MXN", "MEX": "MXN", "NT": "TWD",
    "N": "NAD", "J": "JMD", "TT": "TTD", "EC": "XCD", "RD": "DOP", "BDS": "BBD", "FJ": "FJD",
    "L": "LRD", "T": "TOP", "WS": "WST", "SI": "SBD", "G": "GYD"}
#: Codes also read in lower case before a number ("eur 30m"; not "try", a common word).
LOWER_CODES = {code.lower(): code for code in ("EUR", "USD", "GBP", "CHF", "JPY")}
