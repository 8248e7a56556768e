"""Number-word vocabularies generated from num2words, for languages that text2num does not read.

``tr.py`` and ``ar.py`` are written by ``python -m summarize.lang.lexicons.build`` (it needs the
``num2words`` package, which summarize itself does not): each holds the words num2words writes
for numbers (``CARDINALS``, units to hundreds and the dual scale words) and the scale words
(``SCALES``), with the num2words version and the result of the round trip that checks them. The
round trip reads back, through summarize's own parser, every number from 0 to 1,000,000 and
every multiple of the scales up to 999 trillion that num2words writes, in each spelling the
language uses (Turkish spaced and glued, Arabic with its ``و`` apart and glued). The language
profiles (``summarize/lang/tr.py``, ``ar.py``) add the spellings num2words does not write
(Arabic feminine and oblique forms, ``مئة`` beside ``مائة``).
"""
