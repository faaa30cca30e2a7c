"""The load test's coach accounts, shared by the seed (inside Django) and the driver (outside it)."""

PASSWORD = "polku-load-2026"


def username(n: int) -> str:
    return f"loadcoach{n:03d}"
