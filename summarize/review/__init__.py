"""Reviewing a run in the browser: approve and correct the English, rebuild from it.

``summarize review OUT_DIR`` serves one run folder (``summarize.review.server``) through a
small Starlette app (``app``, ``pages``, ``assets``, behind ``security``); every action goes
into the review store (``store``), approved and corrected sentences into the translation
memory (``summarize.translate.memory``, exchanged as TMX by ``tmx``), and a rebuild
(``apply``) writes the run's files again from the corrected English. Nothing here is
imported by ``import summarize``; the web framework loads only when a server starts.
"""
