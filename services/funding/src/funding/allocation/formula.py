"""The largest-remainder (Hamilton) method in pence, with an optional floor and cap per recipient.

1. **Exact quotas.** Each recipient's quota is ``clamp(λ × weight, floor, cap)`` in pence, as an exact
   fraction, with the one λ that makes the quotas sum to the pot. With no floor and no cap that is simply
   ``pot × weight / total weight``; a recipient held at its floor or cap is marked ``bound``.
2. **Whole pence.** Each recipient gets its quota rounded down.
3. **Remainders.** The pennies left over (fewer than the number of recipients) go one each to the largest
   fractional remainders. Ties: the larger basis value first, then the district code A→Z.

The result always sums to the pot exactly, and is a pure function of its inputs (so a stored run can be
recomputed and compared).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import floor as round_down

METHOD = "largest-remainder (Hamilton) in pence, floor and cap by proportional clamping; v1"
TIE_BREAK = "larger remainder first; equal remainders: larger basis value first, then district code A to Z"


class InfeasibleAllocation(ValueError):
    """The pot cannot be split under these constraints."""


@dataclass(frozen=True, slots=True)
class Share:
    recipient: str
    weight: int
    quota: Fraction
    bound: str | None
    whole: int
    remainder: Fraction
    rank: int | None
    extra_penny: bool
    tie_broken: bool
    amount: int


def _clamp(value: Fraction, low: int, high: int | None) -> Fraction:
    value = max(value, Fraction(low))
    return value if high is None else min(value, Fraction(high))


def _lambda(pot: int, weights: Mapping[str, int], low: int, high: int | None) -> Fraction | None:
    """The λ for which the clamped quotas sum to the pot; None when every weight is zero."""
    positive = {r: w for r, w in weights.items() if w > 0}
    if not positive:
        if pot != low * len(weights):
            raise InfeasibleAllocation("Every recipient's basis is zero: there is nothing to share the pot by.")
        return None

    def total(lam: Fraction) -> Fraction:
        return sum((_clamp(lam * w, low, high) for w in weights.values()), Fraction(0))

    points = sorted(
        {Fraction(0)}
        | {Fraction(low, w) for w in positive.values()}
        | ({Fraction(high, w) for w in positive.values()} if high is not None else set())
    )
    lam: Fraction | None = None
    lower = Fraction(0)
    for point in points:
        reached = total(point)
        if reached == pot:
            lam = point
            break
        if reached > pot:
            lam = _solve(pot, weights, low, high, lower, point)
            break
        lower = point
    if lam is None:  # beyond the last breakpoint every positive weight is free (only possible without a cap)
        if high is not None:
            raise InfeasibleAllocation("The pot is more than every recipient's cap allows.")
        lam = _solve(pot, weights, low, high, lower, lower + 1)
    return lam


def _solve(
    pot: int, weights: Mapping[str, int], low: int, high: int | None, lower: Fraction, upper: Fraction
) -> Fraction:
    """λ in (lower, upper), where the total is linear: fixed recipients contribute a constant."""
    middle = (lower + upper) / 2
    fixed = Fraction(0)
    free_weight = 0
    for w in weights.values():
        value = middle * w
        if w > 0 and value > low and (high is None or value < high):
            free_weight += w
        else:
            fixed += _clamp(value, low, high)
    return (pot - fixed) / free_weight


def allocate(pot: int, weights: Mapping[str, int], *, floor: int | None = None, cap: int | None = None) -> list[Share]:
    """Split ``pot`` pence across ``weights``' recipients (see the module docstring)."""
    if pot <= 0:
        raise InfeasibleAllocation("The pot must be above £0.00.")
    if not weights:
        raise InfeasibleAllocation("There are no recipients.")
    if any(w < 0 for w in weights.values()):
        raise InfeasibleAllocation("A basis value is negative.")
    low = floor or 0
    if cap is not None and cap < low:
        raise InfeasibleAllocation("The cap is below the floor.")
    if low * len(weights) > pot:
        raise InfeasibleAllocation(f"A floor of {low} pence for {len(weights)} recipients is more than the pot.")
    if cap is not None:
        most = sum(cap if w > 0 else low for w in weights.values())
        if pot > most:
            raise InfeasibleAllocation(f"The caps allow at most {most} pence, less than the pot.")
    lam = _lambda(pot, weights, low, cap)
    raw = {r: (lam * w if lam is not None else Fraction(0)) for r, w in weights.items()}
    quotas = {r: _clamp(v, low, cap) for r, v in raw.items()}
    if sum(quotas.values()) != pot:  # pragma: no cover - the arithmetic is exact
        raise AssertionError("quotas do not sum to the pot")
    wholes = {r: round_down(q) for r, q in quotas.items()}
    remainders = {r: quotas[r] - wholes[r] for r in quotas}
    leftover = pot - sum(wholes.values())
    order = sorted((r for r in quotas if remainders[r] > 0), key=lambda r: (-remainders[r], -weights[r], r))
    ranks = {r: i + 1 for i, r in enumerate(order)}
    extra = {r: ranks.get(r, leftover + 1) <= leftover for r in quotas}
    shares = []
    for r in sorted(quotas):
        bound = None
        if floor is not None and raw[r] <= low:
            bound = "floor"
        elif cap is not None and raw[r] >= cap:
            bound = "cap"
        tie_broken = any(remainders[o] == remainders[r] and extra[o] != extra[r] for o in quotas if o != r)
        shares.append(
            Share(
                recipient=r,
                weight=weights[r],
                quota=quotas[r],
                bound=bound,
                whole=wholes[r],
                remainder=remainders[r],
                rank=ranks.get(r),
                extra_penny=extra[r],
                tie_broken=tie_broken,
                amount=wholes[r] + (1 if extra[r] else 0),
            )
        )
    if sum(s.amount for s in shares) != pot:  # pragma: no cover
        raise AssertionError("allocations do not sum to the pot")
    return shares
