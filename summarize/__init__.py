"""summarize: foreign-language news in, reviewed English translations, digests and a brief out.

``import summarize`` imports neither torch nor transformers; engines load when a model does.
"""

from summarize._version import __version__
from summarize.api import digest_text, run, translate_texts
from summarize.cluster import ClusterError
from summarize.errors import (
    InputError,
    LanguageError,
    ModelUnavailableError,
    SummarizeError,
)
from summarize.options import ClusterOptions, DigestOptions, TranslationOptions
from summarize.outputs import write_outputs
from summarize.pipeline import Stages
from summarize.records import (
    Brief,
    Claim,
    Comparison,
    DigestLine,
    DocumentResult,
    FigureVariant,
    Flag,
    KeyFact,
    RunResult,
    SentenceRecord,
    Story,
    TimelineEntry,
    TimeRef,
    Verdict,
)
from summarize.summarise import (
    AbstractiveSummariser,
    ExtractiveSummariser,
    Summariser,
    make_summariser,
)
from summarize.translate import IdentityTranslator, Translator
from summarize.translate.routing import ModelRouter, StaticRouter

__all__ = [
    "AbstractiveSummariser",
    "Brief",
    "Claim",
    "ClusterError",
    "ClusterOptions",
    "Comparison",
    "DigestLine",
    "DigestOptions",
    "DocumentResult",
    "ExtractiveSummariser",
    "FigureVariant",
    "Flag",
    "IdentityTranslator",
    "InputError",
    "KeyFact",
    "LanguageError",
    "ModelRouter",
    "ModelUnavailableError",
    "RunResult",
    "SentenceRecord",
    "Stages",
    "StaticRouter",
    "Story",
    "SummarizeError",
    "Summariser",
    "TimeRef",
    "TimelineEntry",
    "TranslationOptions",
    "Translator",
    "Verdict",
    "__version__",
    "digest_text",
    "make_summariser",
    "run",
    "translate_texts",
    "write_outputs",
]
