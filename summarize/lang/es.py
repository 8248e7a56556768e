"""Spanish: number words read by text2num (``doscientos treinta y cinco``, ``dos mil
quinientos``), long-scale ``billón`` (1e12) and ``mil millones`` (1e9), ``medio millón``,
``y medio``, ``por ciento``."""

from summarize.lang.base import (
    LINK_END,
    LINKED_TITLE,
    LanguageProfile,
    NumberMarks,
    NumberWords,
    SitePhrase,
)

NUMBERS = NumberWords(
    reader="es",  # text2num: doscientos treinta y cinco, dos mil quinientos
    # "Billón" is 1e12; "mil millones" (1e9) is read as mil × millones.
    scales={"billón": 1e12, "billones": 1e12, "millardo": 1e9, "millardos": 1e9,
            "millón": 1e6, "millones": 1e6, "mill": 1e6, "mil": 1e3},
    abbreviated_scales=frozenset({"mill"}),
    respellings={"veintiún": "veintiuno"},  # veintiún mil
    firm_bare_scales=frozenset({"mil"}),  # "mil personas" is exactly a thousand
    articles=frozenset({"un", "una"}),
    half_words=frozenset({"medio", "media"}),  # medio millón
    half_after=("y medio", "y media"),  # dos millones y medio, una hora y media
    count_words=dict.fromkeys(("ambos", "ambas"), 2.0),  # both
)

MARKS = NumberMarks(
    percent_after=("por ciento",),
    currency_words={**dict.fromkeys(("dólar", "dólares"), "USD")},
    linking_words=frozenset({"de"}),
    range_words=("y", "o", "a", "al"),
    century_words=("siglo", "siglos"),
)

_RESERVED = r"todos\s+los\s+derechos\s+reservados"

BOILERPLATE = (
    SitePhrase("link to the original",
               r"(?:ver|leer|mostrar)\s+(?:el\s+)?(?:original|(?:artículo|texto|nota)\s+"
               r"original)" + LINK_END, ("Ver el artículo original", "Ver original »")),
    SitePhrase("copyright line",
               rf"(?:.{{0,120}}?[\s.,;:|–—-])?{_RESERVED}{LINK_END}|{_RESERVED}\s*[.,;:|–—-]"
               r".{0,120}",
               ("Todos los derechos reservados.", "© El Diario. Todos los derechos reservados")),
    SitePhrase("read-more link",
               r"(?:leer\s+más|le[ae]\s+(?:también|más)|(?:también\s+)?(?:te|le)\s+puede\s+"
               r"interesar|seguir\s+leyendo|(?:noticias|artículos)\s+relacionad[oa]s)"
               + LINKED_TITLE + LINK_END,
               ("Leer más", "Te puede interesar: La inflación baja al 3 %", "Lea también »",
                "Noticias relacionadas")),
    SitePhrase("share or subscribe line",
               r"(?:(?:compartir|imprimir)(?:\s+(?:en|este\s+artículo|la\s+noticia))?"
               r"[\s|·•,/]*){1,4}",
               ("Compartir", "Compartir en | Imprimir")),
    SitePhrase("share or subscribe line",
               r"(?:suscr[ií]b(?:ete|ase)\s+(?:a|al)|síguenos\s+en)\b.{0,60}",
               ("Suscríbete a nuestro boletín", "Síguenos en Instagram")),
    SitePhrase("photo credit", r"(?:imagen|fotografía|foto\s+de)\s*[:/©]\s*.{1,100}",
               ("Imagen: EFE", "Fotografía: Reuters")),
    SitePhrase("advertisement", r"(?:publicidad|contenido\s+patrocinado)" + LINK_END,
               ("Publicidad", "Contenido patrocinado")),
    SitePhrase("site disclaimer",
               r"(?:(?:aviso\s+legal|descargo\s+de\s+responsabilidad)\s*[:：]|esta\s+página\s+"
               r"puede\s+contener\s+contenido\s+de\s+terceros).*",
               ("Aviso legal: este contenido no constituye asesoramiento.",
                "Esta página puede contener contenido de terceros.")),
)

PROFILE = LanguageProfile(
    "es",
    numbers=NUMBERS,
    marks=MARKS,
    abbreviations=frozenset({"núm.", "núms.", "pág.", "págs.", "art.", "arts.", "av.",
                             "avda.", "mill.", "aprox.", "vol.", "cap.", "tel.", "etc."}),
    titles=frozenset({"sr.", "sra.", "srta.", "sres.", "dr.", "dra.", "prof.", "lic.",
                      "ing.", "d.", "dña.", "excmo.", "excma.", "gral."}),
    company_suffixes=frozenset({"s.a.", "s.l.", "s.a.u.", "ltd.", "inc.", "corp."}),
    sentence_openers=frozenset("""El La Los Las Lo Un Una Unos Unas Este Esta Estos Estas Ese
        Esa Eso Pero Y E O En Con Por Para Según Sin Desde Él Ella Ellos Ellas Nosotros Se No
        También Además Sin Embargo Hoy Ayer Mañana Ahora Así Cuando Donde Como Qué Quién
        Si""".split()),
    boilerplate=BOILERPLATE,
    code_page="cp1252",
)
