"""The name audit, table-driven per language: names kept, lost and replaced."""

from __future__ import annotations

import pytest

from summarize.checks import name_flags
from summarize.names import audit_names, garbled
from summarize.namescan import source_names

#: (language, source, English): every name survives, so nothing is flagged.
KEPT = [
    # Turkish case endings after an apostrophe, derived adjectives, exonyms from CLDR.
    ("tr", "Mistral AI, Ankara'da bir ofis açtı.", "Mistral AI opened an office in Ankara."),
    ("tr", "Şirket, Mistral'in rakibi olarak İsveç'te büyüyor.",
     "The company is growing in Sweden as Mistral's rival."),
    ("tr", "Toplantı Almanya'da yapıldı.", "The meeting was held in Germany."),
    ("tr", "Heyet dün Moskova'ya gitti.", "The delegation went to Moscow yesterday."),
    ("tr", "Kanadalı sporcu yarışı kazandı.", "The Canadian athlete won the race."),
    ("tr", "Bakan Erdoğan ile görüştü.", "The minister met Erdogan."),  # diacritics dropped
    # The generic head of a name is translated with it.
    ("tr", "Stanford Üniversitesi Tıp Fakültesi'nde bilim insanları çalışıyor.",
     "Scientists work at Stanford University School of Medicine."),
    # Sentence-initial common words and titles are not names.
    ("tr", "Yerel basında bir kaza haberi çıktı.", "Local media reported an accident."),
    ("tr", "Sağlık Bakanı endişelerini dile getirdi.", "He expressed his concerns."),
    # German: nouns are capitalized; names need evidence; genitive endings, CLDR, compounds.
    ("de", "Der Umsatz stieg im Jahr um zehn Prozent.", "Revenue rose ten percent in the year."),
    ("de", "Die Preise in Deutschlands Städten steigen.", "Prices in Germany's cities rise."),
    ("de", "Kanzler Scholz traf Präsidentin Meloni in Köln.",
     "Chancellor Scholz met President Meloni in Cologne."),
    ("de", "Der Auftrag bringt 3 Milliarden US-Dollar.", "The order brings $3 billion US."),
    # Italian: elided articles, CLDR exonyms, capitalized institutions.
    ("it", "Il governo dell'Italia ha incontrato l'ONU a Ginevra.",
     "The Italian government met the UN in Geneva."),
    ("it", "La Camera ha votato la legge.", "The chamber voted for the law."),
    # Arabic: Latin-script names inside Arabic text, transliterated names, CLDR exonyms.
    ("ar", "أعلنت Mistral AI بالتعاون مع Nvidia عن إطلاق Mistral Compute.",
     "Mistral AI announced the launch of Mistral Compute with Nvidia."),
    ("ar", "زار الوفد القاهرة والرياض.", "The delegation visited Cairo and Riyadh."),
    ("ar", "انضم اللاعب فيدال إلى الفريق.", "Player Vidal joined the team."),
    ("ar", "قال السيد محمد إن الاتفاق جيد.", "Mr. Muhammad said the deal was good."),
    ("ar", "وصل الرئيسُ ماكرون إلى القاهرةِ.", "President Macron arrived in Cairo."),
    # "چ" writes the j of foreign names.
    ("ar", "قاد العقيد چيمس ريد الكتيبة.", "Colonel James Reed led the battalion."),
    # Spelling variants and transliterations.
    ("tr", "Ekibin lideri Mohammed Salah oldu.", "The team's leader was Muhammad Salah."),
    ("tr", "Antlaşma Napolyon'un yenilgisinden sonra imzalandı.",
     "The treaty was signed after the defeat of Napoleon."),
    # An English derived word whose stem is one edit from the name is not the name garbled.
    ("tr", "Kaya örneği Mars kökenlidir.", "The rock sample is of Martian origin."),
    # Turkish: a possessive and case ending glued without an apostrophe, in vowel harmony,
    # marks a translated common noun ("Bahçe Şehrine", "Sürücüler Şampiyonluğunda").
    ("tr", "Ada tropik bir Bahçe Şehrine dönüştü.", "The island became a tropical garden city."),
    ("tr", "Takım Sürücüler Şampiyonluğunda ikinci oldu.",
     "The team came second in the drivers' title race."),
    # "ve" joins the parts of one institution's name whose last part has a generic head.
    ("tr", "Ali, Gözetim ve Soruşturmalar Alt Komitesi'nin başkanıdır.",
     "Ali is chairman of the oversight subcommittee."),
    # A place before a currency word is the currency's country: "ABD doları" is "$".
    ("tr", "Taşlar ons başına 500 ABD dolarına satılıyor.", "The stones sell for $500 an ounce."),
    # A letter changed next to an inserted-looking "tr" is a spelling variant.
    ("tr", "Lama Zhabdrung manastırı kurdu.", "Lama Zhabtrung founded the monastery."),
]

#: (language, source, English, kind, name): a name is lost or replaced.
BROKEN = [
    ("tr", "Maçı dün Vidal kazandı.", "Yesterday Vidaltrup won the match.", "changed", "Vidal"),
    ("tr", "Oyunun yazarı Aristofanes değil, Sofokles'tir.",
     "The author of the play is not Sophocles but Zeus.", "lost", "Aristofanes"),
    ("tr", "Toplantı Almanya'da yapıldı.", "The meeting was held in France.", "lost", "Almanya"),
    ("tr", "Bombacılar A(H5N1) virüsünden korkuyor.", "Bombers fear the virus.", "lost", "H5N1"),
    ("tr", "Kamp alanı Phantom Ranch'in komşusu.", "The camp is nearby.", "lost",
     "Phantom Ranch"),
    ("tr", "JAS 39C Gripen bir piste çarptı.", "JAS 39C Gripentr hit a runway.", "changed",
     "JAS 39C Gripen"),
    # Letters Turkish lacks (q, w, x) make a sentence-initial word a foreign name.
    ("tr", "Jarque, sabah antrenman yapıyordu.", "Jartrque was training in the morning.",
     "changed", "Jarque"),
    # NLLB-200's "tr" in place of part of a name.
    ("tr", "Turist Montezuma'nın intikamından korkuyor.",
     "The tourist fears Montruma's revenge.", "changed", "Montezuma"),
    ("de", "Kanzler Scholz traf die Präsidentin.", "The chancellor met the president.", "lost",
     "Scholz"),
    ("de", "Die EU verhandelt mit der NATO.", "The union negotiates with the alliance.", "lost",
     "EU"),
    ("it", "Il presidente ha visitato la Germania.", "The president visited Austria.", "lost",
     "Germania"),
    ("ar", "أعلنت Mistral AI عن إطلاق منتج جديد.", "The company announced a new product.",
     "lost", "Mistral AI"),
    ("ar", "زار الوفد ألمانيا.", "The delegation visited France.", "lost", "ألمانيا"),
    ("ar", "انضم اللاعب فيدال إلى الفريق.", "The player joined the team.", "lost", "فيدال"),
    ("ar", "قاد العقيد چيمس ريد الكتيبة.", "Colonel Chimes Reed led the battalion.", "changed",
     "چيمس"),
    # Vowel marks inside a word are part of it: the cue word "الرئيسُ" is "الرئيس".
    ("ar", "وصل الرئيسُ ماكرون إلى القاهرةِ.", "The president arrived in Cairo.", "lost",
     "ماكرون"),
]


@pytest.mark.parametrize(("lang", "source", "english"), KEPT)
def test_names_that_survive_are_not_flagged(lang: str, source: str, english: str) -> None:
    assert audit_names(source, english, lang) == []


@pytest.mark.parametrize(("lang", "source", "english", "kind", "name"), BROKEN)
def test_lost_and_replaced_names_are_flagged(lang: str, source: str, english: str, kind: str,
                                             name: str) -> None:
    issues = audit_names(source, english, lang)
    assert [(i.kind, i.name.text) for i in issues][:1] == [(kind, name)]
    flags = name_flags(source, english, lang)
    assert flags and all(f.code.startswith("name_") and f.severity == 2 for f in flags)


def test_sentence_initial_words_need_evidence() -> None:
    # "Yerel" starts the sentence and has no evidence; "Nadal'ın" has a Turkish ending.
    assert source_names("Yerel basında haber çıktı.", "tr") == []
    assert [n.text for n in source_names("Nadal'ın rekoru 7-2.", "tr")] == ["Nadal"]
    # The document writes "Vidal" capitalized mid-sentence: at the start it is a name too.
    context = "Katalan başkentine taşındığından beri Vidal 49 maça çıktı."
    assert [n.text for n in source_names("Vidal, kulübe katıldı.", "tr", context=context)] == [
        "Vidal"]
    # The document writes "bilim" in lower case: a common word, not a name.
    assert source_names("Bilim gelişiyor.", "tr", context="bilim ve sanat") == []


def test_garbled_forms_are_told_from_variants() -> None:
    assert garbled("vidal", "vidaltrup") and garbled("gripen", "gripentr")
    assert not garbled("budist", "buddhist") and not garbled("napolyon", "napoleonic")
    assert garbled("montezuma", "montruma", "tr") and garbled("jarque", "jartrque", "tr")
    assert not garbled("mars", "martian") and not garbled("zhabdrung", "zhabtrung", "tr")
    # The inserted letters are the source language's (NameRules.inserted_letters): NLLB-200's
    # "tr" from Turkish is no rule for a German or Italian source.
    assert not garbled("montezuma", "montruma") and not garbled("jarque", "jartrque")


#: (source, context, names): how the document's other uses of a word decide.
CONTEXT_CASES = [
    # Written in lower case with a Turkish ending elsewhere ("çeviriler"); its capitalized use
    # after "Google" says nothing of it on its own.
    ("Çeviri motorları gelişti.", "Çeviri motorları gelişti. Bu motorlar çeviriler yapıyor. "
     "En bilineni Google Çeviri'dir.", []),
    # The sentence's own capitalized use is no evidence against "yer alan" elsewhere.
    ("Adı Beş Yer demektir.", "Adı Beş Yer demektir. Köyler kıyıda yer alır.", []),
    # A capitalized use after a title is a use on its own: "Bakan Erdoğan'ı".
    ("Erdoğan, Ankara'ya döndü.", "Bakan Erdoğan'ı kabul etti. Erdoğan, Ankara'ya döndü.",
     ["Erdoğan", "Ankara"]),
    # A word inside an institution's name that the document also names with an apostrophe
    # ending is a name that must survive.
    ("Komen Vakfının sözcüsü konuştu.", "Komen Vakfının sözcüsü konuştu. Komen'in kuralı "
     "değişti.", ["Komen Vakfının"]),
]


@pytest.mark.parametrize(("source", "context", "names"), CONTEXT_CASES)
def test_document_uses_decide_common_words(source: str, context: str, names: list[str]) -> None:
    assert [n.text for n in source_names(source, "tr", context=context)] == names


def test_a_name_from_the_document_inside_an_institution_must_survive() -> None:
    context = "Komen Vakfının sözcüsü konuştu. Komen'in kuralı değişti."
    issues = audit_names("Komen Vakfının sözcüsü konuştu.",
                         "A spokesman for the Commonwealth Fund spoke.", "tr", context=context)
    assert [i.missing for i in issues] == [("Komen",)]


def test_particles_join_one_name() -> None:
    assert [n.text for n in source_names("Kitabı Bartolomé de las Casas yazdı.", "tr")] == [
        "Bartolomé de las Casas"]


@pytest.mark.parametrize(("source", "english", "changed"), [
    # NLLB-200 inserts "ar" into names it transliterates from Arabic (FLORES line 75).
    ("قال روبرتس إن الفريق فاز.", "Robertsar said the team won.", "Robertsar"),
    ("زار قطر أمس.", "He visited Qatar yesterday.", None),  # "Qat" is not قطر
    ("قال روبرتس إن الفريق فاز.", "Roberts said the team won.", None),
])
def test_letters_the_model_inserts_into_an_arabic_name_are_a_garble(
        source: str, english: str, changed: str | None) -> None:
    found = [i.english for i in audit_names(source, english, "ar") if i.kind == "changed"]
    assert found == ([changed] if changed else [])


def test_a_name_the_document_renders_elsewhere_is_a_name_in_every_sentence() -> None:
    """ما is "what", and a name (Ma) where the document quotes it and its translation writes
    "Ma": a sentence that renders it "what" loses the name (FLORES ar line 20; before: no
    cue, no flag). A document that never renders it as a name leaves it a common word."""
    from summarize.names import document_memory

    pairs = [('على الرغم من هذه الاتهامات، فاز "ما" بسهولة.',
              "Despite these accusations, Ma easily won."),
             ("أشار هسيه إلى أن ما قد يهرب من البلاد.",
              "Hsieh indicated that what might escape the country.")]
    memory = document_memory(pairs, "ar")
    assert memory == {"ما"}
    lost = audit_names(*pairs[1], "ar", memory=memory)
    assert [i.kind for i in lost] == ["lost"] and "ما" in lost[0].reason
    assert audit_names(*pairs[1], "ar") == []
    # An unquoted common word is not remembered, and a short skeleton needs its vowels too:
    # "Ma" does not render عام (year), whose skeleton is also "m".
    assert document_memory([("قال ما إن العام كان جيدا.", "Ma said the year was good.")],
                           "ar") == frozenset()
    assert document_memory([("فاز عام بسهولة.", "Despite it, Ma easily won.")],
                           "ar") == frozenset()


def test_the_pipeline_gives_each_sentence_its_documents_memory() -> None:
    """A translated Arabic document's name flags use the whole document's memory: the
    sentence that renders ما "what" is flagged because another renders it "Ma" (the
    pipeline's wiring of ``document_memory``; no model is involved in the audit)."""
    from summarize.pipeline import audit_document_names
    from summarize.records import DocumentResult, SentenceRecord

    document = DocumentResult("ma", None, language="ar", sentences=[
        SentenceRecord("ma:1:1", 1, 'على الرغم من هذه الاتهامات، فاز "ما" بسهولة.',
                       "Despite these accusations, Ma easily won."),
        SentenceRecord("ma:1:2", 1, "أشار هسيه إلى أن ما قد يهرب من البلاد.",
                       "Hsieh indicated that what might escape the country."),
    ])
    audit_document_names(document)
    first, second = document.sentences
    assert not [f for f in first.flags if f.code.startswith("name_")]
    assert [f.code for f in second.flags] == ["name_lost"] and "ما" in second.flags[0].reason
