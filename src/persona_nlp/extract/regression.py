"""The classifier's fitting maths: softmax regression with a fixed logit offset, temperatures.

Used by :class:`~persona_nlp.extract.classifier.EmbeddingCueClassifier`:
:func:`fit_softmax` fits its multinomial logistic regression with the question-context logits as
an offset, :func:`fit_temperature` the temperature that calibrates its final logits.

Example:
    >>> import numpy as np
    >>> fit_temperature(np.array([[2.0, 0.0], [0.0, 2.0]]), np.array([0, 1])) > 0
    True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .base import softmax


def fit_temperature(logits: np.ndarray, targets: np.ndarray) -> float:
    """Temperature minimising the negative log-likelihood (golden-section search)."""
    rows = np.arange(len(targets))

    def nll(t: float) -> float:
        p = softmax(logits / t)
        return float(-np.log(np.clip(p[rows, targets], 1e-12, 1.0)).mean())

    low, high = 0.05, 20.0
    ratio = (np.sqrt(5) - 1) / 2
    a, b = high - ratio * (high - low), low + ratio * (high - low)
    fa, fb = nll(a), nll(b)
    for _ in range(60):
        if fa < fb:
            high, b, fb = b, a, fa
            a = high - ratio * (high - low)
            fa = nll(a)
        else:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = nll(b)
    return float((low + high) / 2)


def fit_softmax(
    X: Any,
    targets: np.ndarray,
    weights: np.ndarray,
    offset: np.ndarray,
    C: float,
    n_dense: int = 0,
    max_iter: int = 3000,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Multinomial logistic regression whose logits include a fixed per-row ``offset``.

    Minimises ``sum_i w_i * CE(softmax(X_i W' + b + offset_i), y_i) + ||W||^2 / (2 C)`` (the
    objective of scikit-learn's L2 ``LogisticRegression``, plus the offset) with L-BFGS. The
    offset is a part of the final logits the regression does not own (the question context):
    fitting with it lets the regression learn what that addition gets wrong, e.g. that a bare
    product name under a "what were you hoping to find" question is no goal, instead of
    learning as if it were not there.

    ``X`` may be sparse; its first ``n_dense`` columns (the dense embedding and cue block) are
    multiplied as an array.

    Returns:
        ``(classes, coef, intercept)``: the labels present in ``targets``, ``(k, d)`` weights
        and ``(k,)`` intercepts.

    Example:
        >>> X = np.array([[0.0], [1.0], [0.1], [0.9]])
        >>> classes, coef, b = fit_softmax(X, np.array([0, 1, 0, 1]), np.ones(4), np.zeros((4, 2)), 10.0)
        >>> classes.tolist(), bool(coef[1, 0] > coef[0, 0])
        ([0, 1], True)
    """
    from scipy import sparse
    from scipy.optimize import minimize

    classes = np.unique(targets)
    index = np.searchsorted(classes, targets)
    n, d = X.shape
    k = len(classes)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), index] = 1.0
    w = np.asarray(weights, dtype=np.float64) / float(np.sum(weights))
    base = np.asarray(offset, dtype=np.float64)[:, classes]
    penalty = 1.0 / (C * float(np.sum(weights)))
    # the leading dense columns (embedding, cues) as an array: BLAS, not sparse products
    X = sparse.csr_matrix(X)
    dense = X[:, :n_dense].toarray().astype(np.float64)
    rest = X[:, n_dense:].tocsr()
    rest_T = rest.T.tocsr()

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W = theta[: k * d].reshape(k, d)
        b = theta[k * d :]
        z = dense @ W[:, :n_dense].T + np.asarray(rest @ W[:, n_dense:].T) + b + base
        z -= z.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(z).sum(axis=1))
        loss = float(np.dot(w, log_norm - (z * onehot).sum(axis=1)))
        loss += 0.5 * penalty * float(np.sum(W * W))
        residual = (np.exp(z - log_norm[:, None]) - onehot) * w[:, None]
        grad_W = np.hstack([(dense.T @ residual).T, np.asarray(rest_T @ residual).T])
        grad_W += penalty * W
        return loss, np.concatenate([grad_W.ravel(), residual.sum(axis=0)])

    result = minimize(
        objective,
        np.zeros(k * d + k),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iter, "gtol": 1e-6},
    )
    theta = result.x
    return classes, theta[: k * d].reshape(k, d), theta[k * d :]


__all__ = ["fit_softmax", "fit_temperature"]
