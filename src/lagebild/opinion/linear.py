"""Binary logistic regression over sparse (lexical) plus dense (embedding) features, in numpy.

Why our own: the head is a few thousand weights and a dot product at inference; numpy is
already a dependency, so neither training nor inference needs scikit-learn or scipy.
Training minimises the class-balanced mean log-loss plus an L2 penalty with L-BFGS, which
converges to the same optimum as scikit-learn's ``LogisticRegression`` on these sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class SparseRows:
    """Rows of binary-ish sparse features in CSR form (``values`` already normalised)."""

    indptr: np.ndarray  # int64, len n_rows + 1
    indices: np.ndarray  # int32 feature ids
    values: np.ndarray  # float32
    n_features: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def dot(self, w: np.ndarray) -> np.ndarray:
        """Row-wise dot product with a weight vector."""
        prod = self.values * w[self.indices]
        # cumulative sums avoid np.add.reduceat's wrong answer on empty rows
        c = np.concatenate(([0.0], np.cumsum(prod, dtype=np.float64)))
        return c[self.indptr[1:]] - c[self.indptr[:-1]]

    def t_dot(self, g: np.ndarray) -> np.ndarray:
        """Transposed product: sum over rows of g[row] * row."""
        rows = np.repeat(np.arange(self.n_rows), np.diff(self.indptr))
        return np.bincount(
            self.indices, weights=self.values * g[rows], minlength=self.n_features
        )

    def take(self, rows: np.ndarray) -> SparseRows:
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        idx = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)]) if len(rows) else np.zeros(0, int)
        indptr = np.concatenate(([0], np.cumsum(ends - starts)))
        return SparseRows(indptr, self.indices[idx], self.values[idx], self.n_features)


@dataclass(slots=True)
class LinearWeights:
    sparse: np.ndarray  # (n_features,)
    dense: np.ndarray  # (dense_dim,) — empty when no dense block
    bias: float

    def logits(self, xs: SparseRows | None, xd: np.ndarray | None) -> np.ndarray:
        n = xs.n_rows if xs is not None else len(xd)  # type: ignore[arg-type]
        z = np.full(n, self.bias, dtype=np.float64)
        if xs is not None and len(self.sparse):
            z += xs.dot(self.sparse)
        if xd is not None and len(self.dense):
            z += xd @ self.dense
        return z


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # overflow-free


def fit_logistic(
    xs: SparseRows | None,
    xd: np.ndarray | None,
    y: np.ndarray,
    *,
    c_sparse: float = 1.0,
    c_dense: float = 1.0,
    balanced: bool = True,
    max_iter: int = 500,
    tol: float = 1e-6,
) -> LinearWeights:
    """Fit L2-regularised logistic regression; ``c_*`` as in scikit-learn (larger = weaker L2)."""
    y = y.astype(np.float64)
    n = len(y)
    if balanced:
        pos = max(y.sum(), 1.0)
        neg = max(n - y.sum(), 1.0)
        sw = np.where(y > 0, n / (2 * pos), n / (2 * neg))
    else:
        sw = np.ones(n)
    n_s = xs.n_features if xs is not None else 0
    n_d = xd.shape[1] if xd is not None else 0
    xd64 = xd.astype(np.float64) if xd is not None else None
    # sklearn's objective C * sum(loss) + 0.5 |w|^2, divided by C * n for scale
    reg = np.concatenate([np.full(n_s, 1.0 / (c_sparse * n)), np.full(n_d, 1.0 / (c_dense * n)), [0.0]])

    def split(theta: np.ndarray) -> LinearWeights:
        return LinearWeights(theta[:n_s], theta[n_s : n_s + n_d], float(theta[-1]))

    def loss_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = split(theta).logits(xs, xd64)
        # log(1 + exp(-s z)) with s = +-1, computed stably
        s = 2 * y - 1
        loss = np.sum(sw * np.logaddexp(0.0, -s * z)) / n + 0.5 * np.sum(reg * theta * theta)
        g = sw * (sigmoid(z) - y) / n
        grad = np.empty_like(theta)
        if xs is not None:
            grad[:n_s] = xs.t_dot(g)
        if xd64 is not None:
            grad[n_s : n_s + n_d] = xd64.T @ g
        grad[-1] = g.sum()
        grad += reg * theta
        return float(loss), grad

    theta = _lbfgs(loss_grad, np.zeros(n_s + n_d + 1), max_iter=max_iter, tol=tol)
    return split(theta)


def _lbfgs(fg, x0: np.ndarray, *, max_iter: int, tol: float, memory: int = 10) -> np.ndarray:
    """Minimal L-BFGS with Armijo backtracking; enough for a smooth convex objective."""
    x = x0.copy()
    f, g = fg(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        q = g.copy()
        alphas = []
        for s, yv in zip(reversed(s_hist), reversed(y_hist)):
            rho = 1.0 / float(yv @ s)
            a = rho * float(s @ q)
            alphas.append((a, rho, s, yv))
            q -= a * yv
        if y_hist:
            q *= float(s_hist[-1] @ y_hist[-1]) / float(y_hist[-1] @ y_hist[-1])
        for a, rho, s, yv in reversed(alphas):
            b = rho * float(yv @ q)
            q += (a - b) * s
        d = -q
        slope = float(g @ d)
        if slope >= 0:  # not a descent direction: restart from steepest descent
            d, slope = -g, -float(g @ g)
            s_hist.clear()
            y_hist.clear()
        step = 1.0
        while True:
            x_new = x + step * d
            f_new, g_new = fg(x_new)
            if f_new <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s_vec, y_vec = x_new - x, g_new - g
        if float(s_vec @ y_vec) > 1e-12:
            s_hist.append(s_vec)
            y_hist.append(y_vec)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
        converged = abs(f - f_new) <= tol * max(1.0, abs(f))
        x, f, g = x_new, f_new, g_new
        if converged or float(np.max(np.abs(g))) < 1e-8:
            break
    return x
