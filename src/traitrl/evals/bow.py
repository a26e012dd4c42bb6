"""A small bag-of-words logistic regression (scipy sparse + Newton-CG) for the heuristic audit.

The audit asks whether an option's *wording alone* gives the target away: a classifier that sees only the
words of an option (no prompt) is trained on labelled option texts from elsewhere and then ranks the options
of a benchmark it never saw. This module is that classifier: binary word-presence features, L2-regularised
logistic regression fitted with Newton-CG. It is hand-rolled on numpy + scipy (both already dependencies) rather
than adding scikit-learn for one estimator.

Speed matters because the audit fits one model per held-out benchmark (leave-one-benchmark-out) inside the
test suite: the vocabulary and the sparse matrix are built once for every text, and each fit only selects rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import optimize, sparse

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophe contractions kept whole: "don't", "i'd")."""
    return _WORD.findall(text.lower())


class TextMatrix:
    """Word-presence features for a fixed list of texts, sharing one vocabulary.

    Args:
        texts: Every text that will be trained on or scored (duplicates are fine).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.index: dict[str, int] = {t: i for i, t in enumerate(dict.fromkeys(texts))}
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for r, text in enumerate(self.index):
            for w in set(words(text)):
                rows.append(r)
                cols.append(vocab.setdefault(w, len(vocab)))
        data = np.ones(len(rows), dtype=np.float64)
        self.vocab = vocab
        self.X = sparse.csr_matrix((data, (rows, cols)), shape=(len(self.index), max(len(vocab), 1)))

    def rows(self, texts: Sequence[str]) -> np.ndarray:
        """Row numbers of ``texts`` in the matrix (each must have been given to the constructor)."""
        return np.fromiter((self.index[t] for t in texts), dtype=np.int64, count=len(texts))


def fit_logistic(
    X: sparse.csr_matrix,
    y: np.ndarray,
    weight: np.ndarray | None = None,
    l2: float = 1.0,
    init: np.ndarray | None = None,
) -> np.ndarray:
    """Fit L2-regularised logistic regression; return ``[w_1..w_V, bias]``.

    Minimises ``sum_i weight_i * logloss(y_i, x_i·w + b) + l2/2 * |w|^2`` (the bias is not penalised) with
    Newton-CG (Hessian-vector products; ~10 outer steps). The problem is strictly convex, so the optimum does
    not depend on the starting point: ``init`` (e.g. a fit on a superset of the rows) only saves iterations.
    Columns with no non-zero in ``X`` get weight exactly 0 (their gradient is the ridge term alone), so they
    are dropped from the solve.

    Args:
        X: (n, V) features.
        y: (n,) labels in {0, 1}.
        weight: (n,) non-negative sample weights (e.g. how often a deduplicated text occurred); default 1.
        l2: Ridge strength.
        init: (V + 1,) starting point.
    """
    n, width = X.shape
    cols = np.unique(X.indices)
    Xc = X[:, cols].tocsr()
    Xt = Xc.T.tocsr()
    v = len(cols)
    wt = np.ones(n) if weight is None else np.asarray(weight, dtype=np.float64)
    yy = np.asarray(y, dtype=np.float64)

    def loss_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:v], theta[v]
        z = Xc @ w + b
        # log(1 + e^z) - y z, computed stably.
        loss = float(np.sum(wt * (np.logaddexp(0.0, z) - yy * z)) + 0.5 * l2 * w @ w)
        r = wt * (_sigmoid(z) - yy)
        grad = np.empty(v + 1)
        grad[:v] = Xt @ r + l2 * w
        grad[v] = r.sum()
        return loss, grad

    def hessp(theta: np.ndarray, vec: np.ndarray) -> np.ndarray:
        p = _sigmoid(Xc @ theta[:v] + theta[v])
        du = wt * p * (1.0 - p) * (Xc @ vec[:v] + vec[v])
        out = np.empty(v + 1)
        out[:v] = Xt @ du + l2 * vec[:v]
        out[v] = du.sum()
        return out

    start = np.zeros(v + 1) if init is None else np.append(np.asarray(init)[cols], np.asarray(init)[-1])
    res = optimize.minimize(loss_grad, start, jac=True, hessp=hessp, method="Newton-CG")
    theta = np.zeros(width + 1)
    theta[cols] = res.x[:v]
    theta[-1] = res.x[v]
    return theta


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


def fit_logistic_folds(
    X: sparse.csr_matrix,
    y: np.ndarray,
    masks: np.ndarray,
    weight: np.ndarray | None = None,
    l2: float = 1.0,
    tol: float = 1e-6,
    max_newton: int = 30,
    max_cg: int = 100,
) -> np.ndarray:
    """Fit one L2-regularised logistic regression per fold, all folds at once; return ``(V + 1, F)``.

    Fold ``f`` is trained on the rows where ``masks[:, f]`` is true — e.g. leave-one-benchmark-out folds share
    ``X`` and differ only in which rows count. Each fold minimises the same objective as :func:`fit_logistic`;
    the folds are solved together by a batched, damped Newton method (conjugate gradients on Hessian-vector
    products, backtracking line search), so one sparse product serves every fold. A fold stops moving once
    its largest gradient entry is below ``tol`` times its total row weight. Columns that no row uses get
    weight 0 exactly (their gradient is the ridge term alone) and are left out of the solve.

    Args:
        X: (n, V) features.
        y: (n,) labels in {0, 1}.
        masks: (n, F) booleans: which rows each fold trains on.
        weight: (n,) non-negative row weights; default 1.
        l2: Ridge strength (the bias, row ``V`` of the result, is not penalised).
    """
    n, width = X.shape
    cols = np.unique(X.indices)  # columns no row uses get weight 0 exactly; leave them out of the solve
    v = len(cols)
    Xb = sparse.hstack([X[:, cols], np.ones((n, 1))], format="csr")
    XbT = Xb.T.tocsr()
    wt = np.ones(n) if weight is None else np.asarray(weight, dtype=np.float64)
    W_N_F = wt[:, None] * np.asarray(masks, dtype=np.float64)
    y_N1 = np.asarray(y, dtype=np.float64)[:, None]
    ridge_V1 = np.full((v + 1, 1), float(l2))
    ridge_V1[-1] = 0.0
    folds = W_N_F.shape[1]
    theta_V_F = np.zeros((v + 1, folds))
    scale_F = np.maximum(W_N_F.sum(0), 1.0) * tol

    def loss(th_V_F: np.ndarray) -> np.ndarray:
        z = Xb @ th_V_F
        return np.asarray((W_N_F * (np.logaddexp(0.0, z) - y_N1 * z)).sum(0) + 0.5 * (ridge_V1 * th_V_F**2).sum(0))

    for _ in range(max_newton):
        p_N_F = _sigmoid(Xb @ theta_V_F)
        grad_V_F = XbT @ (W_N_F * (p_N_F - y_N1)) + ridge_V1 * theta_V_F
        gmax_F = np.abs(grad_V_F).max(0)
        active_F = gmax_F > scale_F
        if not active_F.any():
            break
        curv_N_F = W_N_F * p_N_F * (1.0 - p_N_F)
        # Conjugate gradients on H d = -g for every fold at once (converged folds get d = 0).
        step_V_F = np.zeros_like(theta_V_F)
        resid_V_F = np.where(active_F, -grad_V_F, 0.0)
        dir_V_F = resid_V_F.copy()
        rs_F = (resid_V_F**2).sum(0)
        stop_F = (np.minimum(0.5, np.sqrt(np.sqrt(rs_F))) ** 2) * rs_F  # inexact Newton forcing term, squared
        for _ in range(max_cg):
            hd_V_F = XbT @ (curv_N_F * (Xb @ dir_V_F)) + ridge_V1 * dir_V_F
            denom_F = (dir_V_F * hd_V_F).sum(0)
            alpha_F = np.divide(rs_F, denom_F, out=np.zeros_like(rs_F), where=denom_F > 0)
            step_V_F += alpha_F * dir_V_F
            resid_V_F -= alpha_F * hd_V_F
            rs_new_F = (resid_V_F**2).sum(0)
            if np.all(rs_new_F <= stop_F):
                break
            beta_F = np.divide(rs_new_F, rs_F, out=np.zeros_like(rs_F), where=rs_F > 0)
            dir_V_F = resid_V_F + beta_F * dir_V_F
            rs_F = rs_new_F
        # Backtracking (Armijo) line search per fold.
        base_F = loss(theta_V_F)
        slope_F = (grad_V_F * step_V_F).sum(0)
        t_F = np.ones(folds)
        for _ in range(20):
            bad_F = loss(theta_V_F + t_F * step_V_F) > base_F + 1e-4 * t_F * slope_F
            if not bad_F.any():
                break
            t_F = np.where(bad_F, t_F / 2, t_F)
        theta_V_F = theta_V_F + t_F * step_V_F
    out = np.zeros((width + 1, folds))
    out[cols] = theta_V_F[:v]
    out[-1] = theta_V_F[v]
    return out


def decision(X: sparse.csr_matrix, theta: np.ndarray) -> np.ndarray:
    """Log-odds ``X·w + b`` for every row of ``X``; ``theta`` is ``(V + 1,)`` or ``(V + 1, F)``."""
    return np.asarray(X @ theta[:-1] + theta[-1])
