"""Feature-major sparse weights: a query's features times every document, with numpy."""

import numpy as np


def feature_major_scores(
    starts: np.ndarray,
    target: np.ndarray,
    weight: np.ndarray,
    columns: np.ndarray,
    values: np.ndarray,
    size: int,
) -> np.ndarray:
    """Each of `size` documents' sum of `values[i] * weight` over the query's features.

    Feature f's entries are `target[starts[f]:starts[f + 1]]` (the documents) with `weight`;
    `columns` are the query's features and `values` their weights.
    """
    if not len(columns):
        return np.zeros(size, dtype=np.float64)
    firsts, lasts = starts[columns], starts[columns + 1]
    sizes = lasts - firsts
    # The positions of every (feature, document) entry of the query's features.
    entries = np.repeat(firsts - np.cumsum(sizes) + sizes, sizes) + np.arange(sizes.sum())
    result: np.ndarray = np.bincount(
        target[entries], weights=np.repeat(values, sizes) * weight[entries], minlength=size
    )
    return result
