"""Finding a model: a local directory or a Hugging Face Hub id (the HF cache, offline mode).

The checks here run before any model is loaded, so a missing model fails at once with a
message that says how to provide it, instead of after minutes of network retries.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import ModelUnavailableError

_WEIGHT_SUFFIXES = (".safetensors", ".bin")


@dataclass(frozen=True)
class ModelRef:
    """A resolved model reference.

    Attributes:
        name: What the person gave: a hub id or a directory.
        local_dir: The directory to load from: a local model, or the cached snapshot of a hub
            id when the Hub cannot be reached.
        revision: The hub commit hash, or ``local-<sha256 prefix>`` of a local directory.
    """

    name: str
    local_dir: Path | None
    revision: str | None


def looks_like_path(name: str) -> bool:
    """Whether ``name`` is meant as a directory rather than a hub id."""
    return name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1


def resolve_model(name: str, *, purpose: str, revision: str | None = None) -> ModelRef:
    """Check that ``name`` can be loaded, without loading it.

    Args:
        name: Hub id (``Helsinki-NLP/opus-mt-tr-en``) or local directory.
        purpose: What the model is for, used in messages (``tr→en translation``).
        revision: Hub revision asked for, if any.

    Raises:
        ModelUnavailableError: the directory does not exist, or the hub id is neither cached
            nor reachable. The message says how to provide the model.
    """
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelUnavailableError(
                f"model directory {name} ({purpose}) has no config.json; point at the folder "
                "that from_pretrained()/save_pretrained() uses")
        return ModelRef(name, path, local_fingerprint(path))
    if looks_like_path(name):
        raise ModelUnavailableError(f"model directory {name} ({purpose}) does not exist")
    snapshot = _cached_snapshot(name, revision)
    if snapshot is not None:
        # A model in the HF cache loads from its snapshot folder, as cached: no update check
        # (which retries for minutes when the Hub is unreachable), and the revision recorded
        # is the commit that is actually used. `hf download ID` updates it.
        return ModelRef(name, snapshot, snapshot.name)
    _check_hub(name, purpose)
    return ModelRef(name, None, revision)


def _cached_snapshot(repo_id: str, revision: str | None) -> Path | None:
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json", revision=revision)
    if isinstance(found, str):
        return Path(found).parent  # .../snapshots/<commit>/config.json
    return None


def _check_hub(repo_id: str, purpose: str) -> None:
    from huggingface_hub import HfApi, constants
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError

    hint = (f"To provide a model: download it where the Hub is reachable (`hf download ID`) "
            f"and copy the cache to {constants.HF_HUB_CACHE}, or pass a local directory with "
            "--model LANG=DIR or --nllb-model DIR.")
    if constants.HF_HUB_OFFLINE:
        raise ModelUnavailableError(
            f"model {repo_id} ({purpose}) is not in the Hugging Face cache and HF_HUB_OFFLINE "
            "is set", hint)
    try:
        HfApi().model_info(repo_id, timeout=10)
    except RepositoryNotFoundError as exc:
        raise ModelUnavailableError(
            f"model {repo_id} ({purpose}) does not exist on the Hugging Face Hub "
            "(or is private: log in with `hf auth login`)", hint) from exc
    except GatedRepoError as exc:
        raise ModelUnavailableError(
            f"model {repo_id} ({purpose}) is gated: accept its terms on the Hub and log in "
            "with `hf auth login`", hint) from exc
    except Exception as exc:  # network errors come from several libraries
        raise ModelUnavailableError(
            f"model {repo_id} ({purpose}) is not in the Hugging Face cache and the Hub "
            f"cannot be reached ({type(exc).__name__})",
            hint + " Set HF_HUB_OFFLINE=1 to skip the network check.") from exc


def local_fingerprint(path: Path) -> str:
    """A content fingerprint of a local model directory, recorded as its revision.

    Hashes config and tokenizer files fully and weight files by size plus their first and last
    megabyte, so fingerprinting a multi-gigabyte model stays fast.
    """
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode())
        if file.suffix in _WEIGHT_SUFFIXES:
            size = file.stat().st_size
            digest.update(str(size).encode())
            with file.open("rb") as handle:
                digest.update(handle.read(1 << 20))
                handle.seek(max(0, size - (1 << 20)))
                digest.update(handle.read(1 << 20))
        else:
            digest.update(file.read_bytes())
    return f"local-{digest.hexdigest()[:16]}"
