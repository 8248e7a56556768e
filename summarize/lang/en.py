"""English: the language of every translation, so its number words are read in full (by
text2num), halves and idioms included."""

from summarize.lang.base import (
    LINK_END,
    LINKED_TITLE,
    LanguageProfile,
    NumberMarks,
    NumberWords,
    SitePhrase,
)
from summarize.lang.nameinfo import NameRules, words

NUMBERS = NumberWords(
    reader="en",  # text2num: twenty-five, three hundred and fifty, twenty-first
    # "both", "twice" and "double" render "the two", "two times" and "two-fold".
    cardinals={"both": 2, "twice": 2, "double": 2},
    scales={"trillion": 1e12, "trillions": 1e12, "tn": 1e12, "billion": 1e9, "billions": 1e9,
            "bn": 1e9, "million": 1e6, "millions": 1e6, "mn": 1e6, "thousand": 1e3,
            "thousands": 1e3, "hundred": 100, "hundreds": 100, "dozen": 12, "dozens": 12,
            "decade": 10, "decades": 10,
            # South Asian scales in Indian and Pakistani English: "₹23,000 crore", "₹5 lakh"
            "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5},
    abbreviated_scales=frozenset({"bn", "mn", "tn"}),
    bare_small_scales=frozenset({"dozen", "dozens"}),
    firm=False,
    not_numbers=frozenset({"o"}),  # text2num's zero in "o eight", not "o'clock"
    couple_words=frozenset({"couple"}),
    couple_linker="of",
    articles=frozenset({"a", "an"}),
    half_words=frozenset({"half"}),
    half_after=("and a half", "and one half"),  # two and a half million, an hour and a half
)

MARKS = NumberMarks(
    percent_after=("percent", "per cent", "pct"),
    currency_words={**dict.fromkeys(("euro", "euros"), "EUR"),
                    **dict.fromkeys(("dollar", "dollars"), "USD"), "sterling": "GBP",
                    **dict.fromkeys(("lira", "liras"), "TRY"),
                    **dict.fromkeys(("franc", "francs"), "CHF"), "yen": "JPY"},
    linking_words=frozenset({"of"}),
    range_words=("to", "or", "and"),
    century_words=("century", "centuries"),
    time_words=("am", "pm", "a.m", "p.m"),
)

BOILERPLATE = (
    SitePhrase("link to the original",
               r"(?:see|view|read|show)\s+(?:the\s+)?original(?:\s+(?:article|post|story|"
               r"version|text))?" + LINK_END),
    SitePhrase("read-more link",
               r"(?:read\s+(?:more|also)|also\s+read|related(?:\s+(?:articles?|stories|news))?|"
               r"more\s+on\s+this(?:\s+topic)?|continue\s+reading)" + LINKED_TITLE + LINK_END),
    SitePhrase("share or subscribe line",
               r"(?:subscribe\s+(?:to|now)|sign\s+up\s+for\s+(?:our\s+)?newsletter|follow\s+us\s+"
               r"on)\b.{0,60}"),
    SitePhrase("photo credit", r"(?:photo(?:graph)?|image)\s+(?:by|courtesy\s+of)\s+.{1,80}"),
    SitePhrase("site disclaimer",
               r"(?:disclaimer\s*[:：]|this\s+(?:page|article|content)\s+may\s+contain\s+"
               r"third[-\s]party\s+content|the\s+views\s+(?:and\s+opinions\s+)?expressed\s+"
               r".{0,120}\s+do\s+not\s+necessarily\s+reflect).*"),
    SitePhrase("site disclaimer",
               r"(?:see|read)\s+(?:our|the)\s+(?:full\s+)?disclaimer(?:\s+for\s+(?:details|"
               r"more))?" + LINK_END),
)

# English text (English inputs, for the entity ledger): titles and sentence openers.
NAMES = NameRules(
    function_words=words(
        "the a an and but or so then later today yesterday tomorrow now on in at by for from "
        "to of with after before when while since as if this that these those it he she they "
        "we i you his her their its our there here what who which why how also however "
        "meanwhile yes no"),
    generic_words=words(
        "president prime minister chancellor king queen mr mrs ms dr prof sir lord chief "
        "general governor mayor senator judge pope prince princess sheikh ceo"),
    title_words=words(
        "president minister chancellor king queen mr mrs ms dr prof sir lord governor mayor "
        "senator judge pope prince princess sheikh ceo"),
)


PROFILE = LanguageProfile(
    "en",
    numbers=NUMBERS,
    marks=MARKS,
    abbreviations=frozenset({"bn.", "mn.", "no.", "vs.", "approx.", "est.", "etc.", "e.g.",
                             "i.e.", "p.", "pp."}),
    titles=frozenset({"mr.", "mrs.", "ms.", "dr.", "prof.", "gov.", "sen.", "rep.", "gen.",
                      "lt.", "col.", "capt.", "sgt.", "rev.", "hon.", "pres.", "supt.",
                      "insp.", "det.", "mt.", "st.", "jr.", "sr."}),
    company_suffixes=frozenset({"ltd.", "inc.", "corp.", "co.", "plc.", "llc.", "l.p.",
                                "s.a.", "ag.", "n.v.", "b.v."}),
    sentence_openers=frozenset("""The A An It Its This That These Those He She They We I You
        His Her Their Our My Your But And Or So Yet In On At For With After Before When While
        If As Then Now There Here Also However Meanwhile Still Some Many Most Both Each No
        One Two Three What Who Why How Where Last Next Earlier Later Today Yesterday
        Shares Analysts Officials""".split()),
    boilerplate=BOILERPLATE,
    code_page="cp1252",
    names=NAMES,
)
