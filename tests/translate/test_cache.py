from pathlib import Path

from summarize.translate.cache import CachedTranslation, TranslationCache, cache_key

SIGNATURE = {"engine": "transformers", "model": "m", "revision": "r1", "beams": 4}


def test_key_depends_on_model_revision_settings_language_and_text() -> None:
    base = cache_key(SIGNATURE, "tr", "Merhaba dünya.")
    assert base == cache_key(dict(SIGNATURE), "tr", "Merhaba dünya.")
    assert base != cache_key({**SIGNATURE, "revision": "r2"}, "tr", "Merhaba dünya.")
    assert base != cache_key({**SIGNATURE, "beams": 1}, "tr", "Merhaba dünya.")
    assert base != cache_key(SIGNATURE, "az", "Merhaba dünya.")
    assert base != cache_key(SIGNATURE, "tr", "Merhaba dünya!")


def test_entries_survive_reopening(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    entry = CachedTranslation("Hello world.", hit_cap=False, pieces=2, retried=True)
    cache.put_many([("k1", entry)])
    cache.close()
    reopened = TranslationCache(tmp_path)
    assert reopened.get_many(["k1", "k2"]) == {"k1": entry}
    assert len(reopened) == 1
    reopened.close()


def test_many_keys_are_fetched_in_chunks(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put_many((f"k{i}", CachedTranslation(str(i), False, 1, False)) for i in range(1234))
    found = cache.get_many([f"k{i}" for i in range(0, 1300)])
    assert len(found) == 1234 and found["k1233"].english == "1233"
    cache.close()
