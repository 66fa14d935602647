"""`make bench`'s rounds (bench/run.py): each run is compared with the ceiling of its own round, and a row shows
the median of its rounds."""

import importlib.util
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("bench_run", Path(__file__).resolve().parents[2] / "bench" / "run.py")
bench_run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_run)


def run(name: str, rps: float, cpu: float, errors: int = 0) -> dict:
    return {"workload": name, "cached": True, "requests": int(rps * 10), "rps": rps, "p50_ms": 1.0, "p99_ms": 2.0,
            "errors": errors, "cpu_ms_per_request": cpu, "user_ms_per_request": cpu, "system_ms_per_request": 0.0,
            "worker_rss_mb": 90.0 + rps / 1000}


def test_each_round_is_compared_with_its_own_ceiling_and_the_row_shows_the_medians():
    runs = {"ceiling": [run("ceiling", 3000, 0.5), run("ceiling", 2000, 0.8), run("ceiling", 2500, 0.6)],
            "list (cached)": [run("list (cached)", 2100, 0.7), run("list (cached)", 1600, 1.0, errors=1),
                              run("list (cached)", 1500, 0.9)]}

    ceiling, listing = (bench_run.median_row(rounds) for rounds in bench_run.with_ceiling_shares(runs).values())

    # Against its own round's ceiling: 70 %, 80 %, 60 %; against the median ceiling (2500) they would be 84, 64, 60.
    assert [r["ceiling_share"] for r in listing["rounds"]] == pytest.approx([70, 80, 60])
    assert listing["ceiling_share"] == pytest.approx(70)
    assert listing["rps"] == 1600 and listing["cpu_ms_per_request"] == 0.9
    assert listing["errors"] == 1 and listing["requests"] == 21000 + 16000 + 15000  # summed, not a median
    assert listing["worker_rss_mb"] == pytest.approx(92.1)  # the largest
    assert ceiling["ceiling_share"] == 100 and ceiling["rps"] == 2500


def test_a_workload_run_once_is_its_own_row():
    runs = bench_run.with_ceiling_shares({"ceiling": [run("ceiling", 3000, 0.5), run("ceiling", 1000, 1.0)],
                                          "cart add": [run("cart add", 300, 6.0)]})

    row = bench_run.median_row(runs["cart add"])

    assert row["ceiling_share"] == pytest.approx(10) and "rounds" not in row  # against round 1's ceiling
