"""summarize: foreign-language news in, reviewed English translations, digests and a brief out.

``import summarize`` imports neither torch nor transformers; engines load when a model does.
"""

from summarize._version import __version__
from summarize.api import digest_text, run, translate_texts
from summarize.digest import (
    AbstractiveSummarizer,
    ExtractiveSummarizer,
    Summarizer,
    make_summarizer,
)
from summarize.errors import (
    ClusterError,
    FetchError,
    InputError,
    LanguageError,
    ModelUnavailableError,
    OptionsError,
    OutputError,
    ReviewError,
    RunInterrupted,
    SummarizeError,
)
from summarize.options import (
    ClusterOptions,
    DigestOptions,
    FetchOptions,
    InputOptions,
    TranslationOptions,
)
from summarize.outputs import write_outputs
from summarize.pipeline import Stages
from summarize.rebuilding import rebuild
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
    SyndicationGroup,
    SyndicationLink,
    TimelineEntry,
    TimeRef,
    Verdict,
)
from summarize.syndication import independent_sources
from summarize.translate import IdentityTranslator, Translator
from summarize.translate.routing import ModelRouter, StaticRouter
from summarize.view import RiskEntry, risk_queue

__all__ = [
    "AbstractiveSummarizer",
    "Brief",
    "Claim",
    "ClusterError",
    "ClusterOptions",
    "Comparison",
    "DigestLine",
    "DigestOptions",
    "DocumentResult",
    "ExtractiveSummarizer",
    "FetchError",
    "FetchOptions",
    "FigureVariant",
    "Flag",
    "IdentityTranslator",
    "InputError",
    "InputOptions",
    "KeyFact",
    "LanguageError",
    "ModelRouter",
    "ModelUnavailableError",
    "OptionsError",
    "OutputError",
    "ReviewError",
    "RiskEntry",
    "RunInterrupted",
    "RunResult",
    "SentenceRecord",
    "Stages",
    "StaticRouter",
    "Story",
    "Summarizer",
    "SummarizeError",
    "SyndicationGroup",
    "SyndicationLink",
    "TimeRef",
    "TimelineEntry",
    "TranslationOptions",
    "Translator",
    "Verdict",
    "__version__",
    "digest_text",
    "independent_sources",
    "make_summarizer",
    "rebuild",
    "risk_queue",
    "run",
    "translate_texts",
    "write_outputs",
]
