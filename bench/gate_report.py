"""How much the cost gate saves, and what it would lose, on the public eval set.

    .venv/bin/python bench/gate_report.py [--data ../shared/eval/external_dev.jsonl]

A negative the gate skips costs no LLM tokens. A positive it skips is a memory lost,
so that share must stay at or below 1%.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from guards import might_hold_personal_fact

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external_dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print the positives the gate would skip")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    positives = [r["message"] for r in rows if r.get("expected")]
    negatives = [r["message"] for r in rows if not r.get("expected")]
    skipped_negatives = [m for m in negatives if not might_hold_personal_fact(m)]
    lost_positives = [m for m in positives if not might_hold_personal_fact(m)]
    print(
        f"negatives skipped (no LLM call): {len(skipped_negatives)}/{len(negatives)} = "
        f"{len(skipped_negatives) / len(negatives):.1%}"
    )
    print(
        f"positives wrongly skipped:       {len(lost_positives)}/{len(positives)} = "
        f"{len(lost_positives) / len(positives):.1%}  (target <= 1%)"
    )
    if args.show:
        for message in lost_positives:
            print("  lost:", message[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main())
