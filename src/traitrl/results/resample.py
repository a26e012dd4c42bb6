"""The cluster-bootstrap engine behind :mod:`traitrl.results.stats`: cluster codes, ICC, effective n, CIs, tests.

The methods (what is resampled, why the CI and the test are built the way they are, the ICC estimator, the
effective n and the MDE) are documented in the :mod:`traitrl.results.stats` module docstring; this module only
implements them. Everything is vectorised over bootstrap draws: a draw is a row of a ``B × G`` count matrix, so a
benchmark costs a few matrix products whatever its size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as sps

N_BOOT = 2000
# Differences below this are float noise (scores are sums of a few hundred numbers in [0, 1]).
FLOAT_TOL = 1e-12

ClusterLabels = Sequence[str | None]


def cluster_codes(n: int, clusters: ClusterLabels | None) -> np.ndarray:
    """Integer cluster codes ``0..G-1`` for ``n`` items; no labels (or a None label) = the item's own cluster."""
    if clusters is None:
        return np.arange(n)
    if len(clusters) != n:
        raise ValueError(f"clusters has {len(clusters)} labels for {n} scores; give one label per item")
    # A None label must not merge with other None labels or collide with a real label.
    labels = [f"\x00item{i}" if c is None else f"c{c}" for i, c in enumerate(clusters)]
    _, codes = np.unique(np.asarray(labels, dtype=str), return_inverse=True)
    return codes.reshape(-1).astype(np.intp)


def icc_oneway(values: ArrayLike, clusters: ClusterLabels | None = None) -> float:
    """One-way ANOVA estimate of the intraclass correlation, clipped to [0, 1]; NaN when it cannot be estimated.

    Args:
        values: Per-item scores.
        clusters: Per-item cluster labels (None: singletons, for which the ICC is NaN).
    """
    x = np.asarray(values, dtype=float)
    return icc_of_codes(x, cluster_codes(x.size, clusters))


def icc_of_codes(x: np.ndarray, codes: np.ndarray) -> float:
    """:func:`icc_oneway` on integer cluster codes."""
    n = x.size
    sizes = np.bincount(codes).astype(float)
    g = sizes.size
    if g < 2 or n <= g:  # one cluster, or only singletons: no between / within split
        return math.nan
    means = np.bincount(codes, weights=x) / sizes
    msb = float(np.sum(sizes * (means - x.mean()) ** 2) / (g - 1))
    msw = float(np.sum((x - means[codes]) ** 2) / (n - g))
    m0 = (n - float(np.sum(sizes**2)) / n) / (g - 1)
    denom = msb + (m0 - 1) * msw
    if denom <= FLOAT_TOL:
        return math.nan
    return float(np.clip((msb - msw) / denom, 0.0, 1.0))


def effective_n(n: int, n_clusters: int, icc: float) -> float:
    """Kish effective sample size ``n / (1 + (m̄ − 1) · ICC)``, ``m̄ = n / G``; an unknown ICC counts as 1."""
    if n == 0 or n_clusters == 0:
        return 0.0
    mbar = n / n_clusters
    if mbar <= 1:
        return float(n)
    rho = 1.0 if math.isnan(icc) else icc
    return float(n / (1 + (mbar - 1) * rho))


def min_detectable_effect(sd: float, n: float, alpha: float = 0.05, power: float = 0.8) -> float:
    """Smallest true mean shift a two-sided z-test on ``n`` (effective) items with this SD detects with this power."""
    if n < 2:
        return math.inf
    return float((_norm_ppf(1 - alpha / 2) + _norm_ppf(power)) * sd / math.sqrt(n))


# scipy's ppf costs ~0.1 ms a call; a compare calls these per benchmark with a handful of distinct arguments.
@lru_cache(maxsize=64)
def _norm_ppf(q: float) -> float:
    return float(sps.norm.ppf(q))


@lru_cache(maxsize=1024)
def ci_scale(n_clusters: int, level: float = 0.95) -> float:
    """Factor on bootstrap deviations: ``sqrt(G/(G−1)) · t_{G−1} / z`` at the CI's two-sided quantile.

    The bootstrap variance of a mean of ``G`` clusters is short by ``(G−1)/G``, and a mean standardised by an SE
    estimated from ``G`` clusters has t tails with ``G − 1`` degrees of freedom, not normal ones.
    """
    q = (1 + level) / 2
    g = n_clusters
    return float(math.sqrt(g / (g - 1)) * sps.t.ppf(q, g - 1) / _norm_ppf(q))


def draw_counts(rng: np.random.Generator, g: int, n_boot: int) -> np.ndarray:
    """``B × G`` counts: how often each of ``g`` units is drawn (with replacement) in each bootstrap data set."""
    idx = rng.integers(0, g, size=(n_boot, g))
    # One flat bincount instead of a Python loop over draws.
    flat = idx + g * np.arange(n_boot)[:, None]
    return np.bincount(flat.reshape(-1), minlength=n_boot * g).reshape(n_boot, g).astype(float)


@dataclass(frozen=True)
class Clustered:
    """Items reduced to per-cluster totals and sizes; the observed extremes bound every resampled mean."""

    sums: np.ndarray
    sizes: np.ndarray
    lo: float
    hi: float

    @classmethod
    def of(cls, x: np.ndarray, codes: np.ndarray) -> Clustered:
        return cls(np.bincount(codes, weights=x), np.bincount(codes).astype(float), float(x.min()), float(x.max()))

    @property
    def n_clusters(self) -> int:
        return int(self.sizes.size)

    @property
    def mean(self) -> float:
        return float(self.sums.sum() / self.sizes.sum())

    def draw(self, rng: np.random.Generator, n_boot: int) -> np.ndarray:
        """``B × G`` counts: how often each cluster is drawn (with replacement) in each bootstrap data set."""
        return draw_counts(rng, self.n_clusters, n_boot)

    def means(self, counts: np.ndarray) -> np.ndarray:
        """Item mean of each resampled data set (all items of a drawn cluster count)."""
        return (counts @ self.sums) / (counts @ self.sizes)

    def percentile_ci(self, means: np.ndarray, level: float) -> tuple[float, float]:
        """Percentile CI from resampled means, deviations scaled by :func:`ci_scale`, clipped to the data."""
        dev = (means - self.mean) * ci_scale(self.n_clusters, level)
        tail = (1 - level) / 2 * 100
        lo, hi = self.mean + np.percentile(dev, [tail, 100 - tail])
        return (float(max(lo, self.lo)), float(min(hi, self.hi)))


#: Up to this many clusters the sign-flip test enumerates every pattern (2^16 = 65,536); above it, it draws N_BOOT.
EXACT_SIGN_FLIP_CLUSTERS = 16


def sign_patterns(rng: np.random.Generator, g: int, n_boot: int) -> np.ndarray:
    """``P × G`` signs: all ``2^G`` patterns when ``G`` ≤ :data:`EXACT_SIGN_FLIP_CLUSTERS` (the identity first),
    else the identity and ``n_boot`` random patterns."""
    if g <= EXACT_SIGN_FLIP_CLUSTERS:
        return (((np.arange(2**g)[:, None] >> np.arange(g)) & 1) * -2 + 1).astype(float)
    return np.vstack([np.ones((1, g)), rng.choice([-1.0, 1.0], size=(n_boot, g))])


def sign_flip_p_min(g: int, n_boot: int) -> float:
    """The smallest p-value :func:`sign_flip_p` can give with ``g`` clusters."""
    return 2 / 2**g if g <= EXACT_SIGN_FLIP_CLUSTERS else 1 / (n_boot + 1)


def sign_flip_p(data: Clustered, rng: np.random.Generator, n_boot: int) -> float:
    """Two-sided cluster sign-flip (randomisation) p-value of "mean paired difference = 0", studentized.

    If the two runs are interchangeable, each situation's total difference is as likely to have either sign, so
    under the null the observed set of cluster totals is one of ``2^G`` equally likely sign patterns. The p-value is
    the share of patterns whose ``|t| = |mean / se|`` reaches the observed one, with the cluster-robust SE
    ``sqrt(G/(G−1) · Σ_g (S_g − mean · m_g)²) / N`` of each pattern's data. It is exact whatever the clusters'
    sizes, spreads or skew, with every pattern enumerated up to :data:`EXACT_SIGN_FLIP_CLUSTERS` clusters (a wild
    cluster bootstrap with Rademacher weights and the null imposed, evaluated exactly).
    """
    g = data.n_clusters
    n = float(data.sizes.sum())
    flips = sign_patterns(rng, g, n_boot)
    sums = flips * data.sums[None, :]
    means = sums.sum(axis=1) / n
    resid = sums - means[:, None] * data.sizes[None, :]
    ses = np.sqrt(g / (g - 1) * np.sum(resid**2, axis=1)) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        # No between-cluster variation: a nonzero mean is as extreme as it gets, a zero mean not extreme at all.
        t = np.where(np.abs(means) <= FLOAT_TOL, 0.0,
                     np.where(ses > FLOAT_TOL, means / ses, np.copysign(np.inf, means)))
    observed = abs(float(t[0]))  # the first pattern is the identity: the data as observed
    if observed == 0.0:
        return 1.0
    extreme = int(np.sum(np.abs(t) >= observed * (1 - 1e-9)))
    if g <= EXACT_SIGN_FLIP_CLUSTERS:
        return float(extreme / flips.shape[0])
    return float(min(extreme / (n_boot + 1), 1.0))  # the identity counts once among n_boot + 1


def bootstrap_ci(
    values: ArrayLike,
    seed: int = 0,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    clusters: ClusterLabels | None = None,
) -> tuple[float, float]:
    """Percentile cluster-bootstrap CI of the mean (small-cluster-count scaling, clipped to the data's range).

    Args:
        values: Per-item scores.
        seed: Bootstrap seed.
        n_boot: Number of bootstrap draws.
        level: Coverage level.
        clusters: Per-item cluster labels (None: every item its own cluster, the item bootstrap).

    Returns:
        ``(low, high)``; NaNs for no items or a single cluster (between-cluster variation unknown).
    """
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return (math.nan, math.nan)
    data = Clustered.of(x, cluster_codes(x.size, clusters))
    if data.n_clusters < 2:
        return (math.nan, math.nan)
    means = data.means(data.draw(np.random.default_rng(seed), n_boot))
    return data.percentile_ci(means, level)


def paired_bootstrap(
    diffs: ArrayLike,
    seed: int = 0,
    n_boot: int = N_BOOT,
    clusters: ClusterLabels | None = None,
    level: float = 0.95,
) -> tuple[float, float, float]:
    """The mean paired difference's percentile cluster-bootstrap CI and its two-sided cluster sign-flip p-value.

    The CI resamples clusters of differences with replacement; the p-value is :func:`sign_flip_p` (exact up to
    :data:`EXACT_SIGN_FLIP_CLUSTERS` clusters, else from ``n_boot`` random patterns; smallest value
    :func:`sign_flip_p_min`).

    Args:
        diffs: Per-item paired differences.
        seed: Bootstrap seed.
        n_boot: Number of bootstrap draws.
        clusters: Per-item cluster labels (None: every item its own cluster).
        level: CI coverage level.

    Returns:
        ``(ci_low, ci_high, p_value)``; CI NaN and p 1.0 when there are fewer than 2 clusters.
    """
    d = np.asarray(diffs, dtype=float)
    if d.size == 0:
        return (math.nan, math.nan, 1.0)
    data = Clustered.of(d, cluster_codes(d.size, clusters))
    if data.n_clusters < 2:
        return (math.nan, math.nan, 1.0)
    rng = np.random.default_rng(seed)
    means = data.means(data.draw(rng, n_boot))
    lo, hi = data.percentile_ci(means, level)
    return (lo, hi, sign_flip_p(data, rng, n_boot))


def crossed_bootstrap(
    diffs: ArrayLike,
    rows: ClusterLabels,
    cols: ClusterLabels,
    seed: int = 0,
    n_boot: int = N_BOOT,
    level: float = 0.95,
) -> tuple[float, float, float]:
    """Bootstrap of the mean paired difference when items are crossed by two random factors: training seeds
    (``rows``) and situations (``cols``, unlabelled items their own column).

    Seeds pooled as if they were fixed give a CI for *these* seeds; the claim a study makes is about the training
    recipe, whose seed-to-seed spread was the largest source of variation here (4–5 pp on the held-out trait
    score). Each draw resamples seeds and situations independently with replacement and keeps every item of a drawn
    (seed, situation) cell, weighted by how often both were drawn — the "pigeonhole" bootstrap for crossed random
    effects (Owen 2007), which is conservative for both factors. Percentile CI with deviations scaled by
    :func:`ci_scale` of the scarcer factor, clipped to the data; p is the centred test on the same scaled
    deviations, ``(#{|dev*| ≥ |mean|} + 1) / (B + 1)``.

    Returns:
        ``(ci_low, ci_high, p_value)``; CI NaN and p 1.0 with fewer than 2 seeds or 2 situations.
    """
    d = np.asarray(diffs, dtype=float)
    if d.size == 0:
        return (math.nan, math.nan, 1.0)
    r, c = cluster_codes(d.size, rows), cluster_codes(d.size, cols)
    n_r, n_c = int(r.max()) + 1, int(c.max()) + 1
    if n_r < 2 or n_c < 2:
        return (math.nan, math.nan, 1.0)
    sums = np.zeros((n_r, n_c))
    sizes = np.zeros((n_r, n_c))
    np.add.at(sums, (r, c), d)
    np.add.at(sizes, (r, c), 1.0)
    rng = np.random.default_rng(seed)
    row_counts, col_counts = draw_counts(rng, n_r, n_boot), draw_counts(rng, n_c, n_boot)
    num = np.einsum("br,rc,bc->b", row_counts, sums, col_counts)
    den = np.einsum("br,rc,bc->b", row_counts, sizes, col_counts)
    ok = den > 0  # a draw can pair seeds and situations that share no item
    means = num[ok] / den[ok]
    mean = float(d.mean())
    # Deviations scaled as in the one-factor CI, by the scarcer factor (usually seeds): with 3 seeds the bootstrap
    # alone sees 10 distinct seed sets and would cover far less than 95%.
    dev = (means - mean) * ci_scale(min(n_r, n_c), level)
    tail = (1 - level) / 2 * 100
    lo, hi = mean + np.percentile(dev, [tail, 100 - tail])
    p = (int(np.sum(np.abs(dev) >= abs(mean) - FLOAT_TOL)) + 1) / (means.size + 1)
    return (float(max(lo, d.min())), float(min(hi, d.max())), min(1.0, p))


def format_p(p: float, p_min: float) -> str:
    """A p-value for a table: ``≤0.0005`` at the bootstrap's resolution limit instead of a misleading 0.000."""
    if p <= p_min * (1 + 1e-9):
        return f"≤{p_min:.2g}"
    return f"{p:.3f}" if p >= 0.001 else f"{p:.1e}"
