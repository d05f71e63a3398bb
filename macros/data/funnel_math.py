"""The funnel arithmetic, shared by the figures and (mirrored in content/assets/common.js) the simulator and the
check-up; tests/unit/test_funnel_math_js.py runs both on the same inputs."""

from __future__ import annotations

import math
from dataclasses import dataclass


def rates_from_counts(counts: list[float]) -> list[float]:
    """Conversion into each stage after the top, as a fraction of the stage before (0 after an empty stage)."""
    return [counts[i] / counts[i - 1] if counts[i - 1] > 0 else 0.0 for i in range(1, len(counts))]


def counts_from_rates(reach: float, rates: list[float]) -> list[float]:
    """People at each stage, from the top count and the conversion rates."""
    counts = [reach]
    for rate in rates:
        counts.append(counts[-1] * rate)
    return counts


@dataclass(frozen=True)
class Outcome:
    counts: list[float]
    customers: float
    revenue: float


def simulate(reach: float, rates: list[float], average_sale: float) -> Outcome:
    counts = counts_from_rates(reach, rates)
    return Outcome(counts, counts[-1], counts[-1] * average_sale)


@dataclass(frozen=True)
class Comparison:
    """Raising marketing's reach by x percent against raising sales' close rate by x."""

    base: Outcome
    more_reach: Outcome
    better_close: Outcome
    close_rate_after: float


def raised_close_rate(close: float, x_percent: float, mode: str) -> float:
    """The close rate after raising it by x: 'relative' (x% of itself) or 'points' (x percentage points)."""
    raised = close * (1 + x_percent / 100) if mode == "relative" else close + x_percent / 100
    return min(1.0, raised)


def compare(reach: float, rates: list[float], average_sale: float, x_percent: float, mode: str) -> Comparison:
    more_reach = simulate(reach * (1 + x_percent / 100), rates, average_sale)
    close_after = raised_close_rate(rates[-1], x_percent, mode)
    better_close = simulate(reach, [*rates[:-1], close_after], average_sale)
    return Comparison(simulate(reach, rates, average_sale), more_reach, better_close, close_after)


def stage_table(counts: list[float]) -> list[tuple[float, float | None, float]]:
    """(count, share of the stage before or None at the top, share of the top) for each stage."""
    return [(c, None if i == 0 else c / counts[i - 1], c / counts[0]) for i, c in enumerate(counts)]


def whole(value: float) -> int:
    """Round half up, as the simulator's JavaScript (Math.round) does."""
    return math.floor(value + 0.5)


def percent_1dp(rate: float) -> float:
    """A rate as a percentage with one decimal, rounded half up (as the simulator does)."""
    return whole(rate * 1000) / 10
