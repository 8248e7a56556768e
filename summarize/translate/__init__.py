"""Translation backends. Heavy engines are imported lazily, when a model is loaded."""

from summarize.translate.base import IdentityTranslator, Translator

__all__ = ["IdentityTranslator", "Translator"]
