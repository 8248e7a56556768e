"""Portuguese: only ``por cento`` so far; its number words are still to be added."""

from summarize.lang.base import LanguageProfile, NumberMarks

PROFILE = LanguageProfile("pt", marks=NumberMarks(percent_after=("por cento",)),
                          code_page="cp1252")
