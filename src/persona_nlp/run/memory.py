"""Memory checks: refuse, in seconds and with a fix, an input this machine cannot hold.

Example:
    >>> check_memory(1_000)
"""

from __future__ import annotations

BYTES_PER_TURN = 8_000
"""Peak memory the pipeline needs per respondent turn (survey answer): with the default model
the whole ``persona-nlp analyze`` process peaked at 5.56 GB on 999,709 generated survey answers
(925,529 turns, language alignment on; ``benchmarks/RESULTS.md``), about 6.4 KB a turn with
everything held; 8 KB leaves room for longer answers than the generated ones. Re-measure when
the stages change."""

BASE_BYTES = 600 * 2**20
"""Memory still to come for the embedding model and its libraries when the check runs."""

CHECK_FROM = 50_000
"""Inputs with fewer turns are never refused (they fit any machine that runs the model)."""


def available_memory() -> int | None:
    """Bytes this process can still allocate: the smaller of ``MemAvailable`` and the cgroup's
    remaining limit; ``None`` where neither can be read (not Linux).

    Example:
        >>> available_memory() is None or available_memory() > 0
        True
    """
    candidates: list[int] = []
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    candidates.append(int(line.split()[1]) * 1024)
    except OSError:
        pass
    for limit_file, usage_file in (
        ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
        (
            "/sys/fs/cgroup/memory/memory.limit_in_bytes",
            "/sys/fs/cgroup/memory/memory.usage_in_bytes",
        ),
    ):
        try:
            limit = open(limit_file, encoding="ascii").read().strip()
            usage = int(open(usage_file, encoding="ascii").read().strip())
        except (OSError, ValueError):
            continue
        if limit.isdigit() and int(limit) < 2**60:
            candidates.append(max(0, int(limit) - usage))
    return min(candidates) if candidates else None


def check_memory(n_turns: int, *, available: int | None = None) -> None:
    """Refuse, with one clear line, an analysis that would run out of memory in this process.

    Called after ingestion with the number of turns read (inputs under :data:`CHECK_FROM` turns
    are never refused): the estimate
    (:data:`BASE_BYTES` + ``n_turns`` x :data:`BYTES_PER_TURN`) is compared with what the
    machine (or container) still has, so a too-large input fails in seconds with a fix instead
    of being killed by the operating system an hour later.

    Args:
        n_turns: Turns (survey answers, interview turns) in the corpus.
        available: Bytes available; measured with :func:`available_memory` when not given.

    Raises:
        InputError: The estimate exceeds what is available (reason ``too_large``).

    Example:
        >>> check_memory(100_000, available=8 * 2**30)
        >>> check_memory(2_000_000, available=8 * 2**30)
        Traceback (most recent call last):
        ...
        persona_nlp.errors.InputError: 2,000,000 turns need about 15.5 GB of memory in one process; 8.0 GB is available (fix: analyse at most 990,000 turns per run (split the input, e.g. by wave or question), or use a machine with more memory)
    """
    from ..errors import InputError

    if n_turns < CHECK_FROM:
        return
    available = available_memory() if available is None else available
    if available is None:
        return
    need = BASE_BYTES + n_turns * BYTES_PER_TURN
    if need <= available:
        return
    fits = max(0, (available - BASE_BYTES) // BYTES_PER_TURN)
    fits = int(fits // 10_000 * 10_000) or int(fits)
    raise InputError(
        f"{n_turns:,} turns need about {need / 2**30:.1f} GB of memory in one process; "
        f"{available / 2**30:.1f} GB is available",
        fix=f"analyse at most {fits:,} turns per run (split the input, e.g. by wave or question), "
        "or use a machine with more memory",
        reason="too_large",
    )


__all__ = ["BASE_BYTES", "BYTES_PER_TURN", "CHECK_FROM", "available_memory", "check_memory"]
