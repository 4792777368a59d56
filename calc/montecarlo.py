"""Monte Carlo balance paths with lognormal returns."""

import numpy as np


def simulate_paths(
    start: float,
    contributions: np.ndarray,
    annual_return: float,
    volatility: float,
    paths: int,
    seed: int,
    checkpoints: np.ndarray,
) -> np.ndarray:
    """Balances at the given month indices for `paths` paths (paths x checkpoints).

    Monthly log-returns are normal with variance volatility^2/12 and a drift chosen so that
    the expected yearly growth factor is 1 + annual_return. Contributions arrive at the end
    of each month: B[m] = B[m-1] * g[m] + c[m]. Shocks are drawn once, as antithetic pairs
    (z and -z, which halves the draws and the sampling noise of the median); the month loop
    works on whole vectors of paths, so the cost is a few array operations per month.
    """
    months = len(contributions)
    half = (paths + 1) // 2
    sigma = np.float32(volatility / np.sqrt(12))
    drift = np.float32((np.log1p(annual_return) - volatility**2 / 2) / 12)
    shocks = np.random.default_rng(seed).standard_normal((months, half), dtype=np.float32)
    shocks *= sigma
    up = np.full(half, start, dtype=np.float32)
    down = np.full(half, start, dtype=np.float32)
    growth = np.empty(half, dtype=np.float32)
    recorded = np.empty((2 * half, len(checkpoints)), dtype=np.float32)
    wanted = {int(month): column for column, month in enumerate(checkpoints)}
    for month in range(months):
        np.add(shocks[month], drift, out=growth)
        np.exp(growth, out=growth)
        up *= growth
        up += contributions[month]
        np.subtract(drift, shocks[month], out=growth)
        np.exp(growth, out=growth)
        down *= growth
        down += contributions[month]
        column = wanted.get(month)
        if column is not None:
            recorded[:half, column] = up
            recorded[half:, column] = down
    return recorded[:paths]
