"""Device and dtype resolution, in one place. Imports torch only when called."""

from __future__ import annotations

from typing import Any


def resolve_device(device: str) -> str:
    """``auto`` → ``cuda`` when a GPU is visible, else ``cpu``; explicit choices are checked.

    Raises:
        ValueError: ``cuda`` was asked for but no GPU is visible, or the name is unknown.
    """
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError("--device cuda was given but torch sees no CUDA GPU")
    if device not in {"cpu"} and not device.startswith("cuda"):
        raise ValueError(f"unknown device {device!r}; use auto, cpu or cuda")
    return device


def resolve_dtype(dtype: str, device: str) -> Any:
    """``auto`` → bfloat16 on GPUs that support it, float16 on older GPUs, float32 on CPU."""
    import torch

    if dtype == "auto":
        if device.startswith("cuda"):
            return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return torch.float32
    try:
        return {"float32": torch.float32, "float16": torch.float16,
                "bfloat16": torch.bfloat16}[dtype]
    except KeyError:
        raise ValueError(
            f"unknown dtype {dtype!r}; use auto, float32, float16 or bfloat16") from None
