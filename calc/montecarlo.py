"""Monte Carlo balance paths with lognormal yearly returns and monthly cash flows."""

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

    Each path draws one lognormal return per year: log growth ~ N(mu, volatility^2), with mu
    chosen so the expected yearly growth factor is 1 + annual_return. The year's return
    accrues evenly over its twelve months, and contributions arrive at the end of each
    month: B[m] = B[m-1] * g[m] + c[m]. The month loop works on whole vectors of paths.
    """
    months = len(contributions)
    years = (months + 11) // 12
    mu = np.log1p(annual_return) - volatility**2 / 2
    rng = np.random.default_rng(seed)
    yearly_log = mu + volatility * rng.standard_normal((years, paths))
    monthly_growth = np.exp(yearly_log / 12).astype(np.float64)
    balance = np.full(paths, float(start))
    recorded = np.empty((paths, len(checkpoints)))
    wanted = {int(month): column for column, month in enumerate(checkpoints)}
    for month in range(months):
        balance *= monthly_growth[month // 12]
        balance += contributions[month]
        column = wanted.get(month)
        if column is not None:
            recorded[:, column] = balance
    return recorded
