"""Device and dtype resolution, in one place. Imports torch only when called."""

from __future__ import annotations

from typing import Any

from summarize.errors import DeviceError


def resolve_device(device: str) -> str:
    """``auto`` → ``cuda`` when a GPU is visible, else ``cpu``; explicit choices are checked.

    Raises:
        DeviceError: ``cuda`` was asked for but no GPU is visible, or the name is unknown.
    """
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise DeviceError("--device cuda was given but torch sees no CUDA GPU")
    if device not in {"cpu"} and not device.startswith("cuda"):
        raise DeviceError(f"unknown device {device!r}; use auto, cpu or cuda")
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
    except KeyError as exc:
        raise DeviceError(
            f"unknown dtype {dtype!r}; use auto, float32, float16 or bfloat16") from exc


def resolve_ct2_device(device: str) -> str:
    """The device CTranslate2 will use: ``auto`` → ``cuda`` when it sees a GPU, else ``cpu``.

    Raises:
        DeviceError: ``cuda`` was asked for but CTranslate2 sees no GPU.
    """
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if device == "auto":
        return "cuda" if gpus > 0 else "cpu"
    if device.startswith("cuda") and gpus == 0:
        raise DeviceError("--device cuda was given but CTranslate2 sees no CUDA GPU")
    return device


def resolve_compute_type(compute_type: str, device: str) -> str:
    """CTranslate2's compute type: ``auto`` → int8 on CPU, bfloat16 on GPUs that have it
    (else float16)."""
    if compute_type != "auto":
        return compute_type
    if device == "cpu":
        return "int8"
    import ctranslate2

    supported = ctranslate2.get_supported_compute_types("cuda")
    return "bfloat16" if "bfloat16" in supported else "float16"
