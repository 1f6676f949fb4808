"""Precision probe: messages written for this file (bench/junk_probe_nofact.txt, ~460 lines that
hold no long-term fact about the speaker but look close to ones that do; bench/junk_probe_fact.txt,
~150 lines `message|field|value` that each hold one) run in-process through what
MemoryService.process_message does with the rules extractor (redact -> extract -> admit_events ->
apply_events on an empty profile).

Prints every value stored from a no-fact line (junk), every fact line whose expected value is not
found in its field (a miss: absent or mangled) and every other value a fact line stored (extra,
to read), then a summary line.

    .venv/bin/python bench/junk_probe.py [--quiet] [--nofact FILE] [--fact FILE]

--nofact / --fact read another pair of files of the same shapes (a path, or a name in bench/),
e.g. bench/junk_probe_nofact_p8.txt and bench/junk_probe_fact_p8.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from guards import admit_events, redact
from merge import apply_events
from rules_extractor import RuleExtractor

HERE = Path(__file__).resolve().parent
EXTRACTOR = RuleExtractor()
POOLED = {"likes": ("likes", "interests"), "interests": ("likes", "interests")}  # as the eval's score.py


def stored(message: str) -> list[tuple[str, str]]:
    events, _ = admit_events(EXTRACTOR.extract_events(redact(message), {}), message=message)
    profile = apply_events({}, {}, events, now="2026-01-01T00:00:00Z").profile
    out = []
    for field, value in profile.items():
        for item in value if isinstance(value, list) else [value]:
            out.append((field, str(item)))
    return out


def located(name: str) -> Path:
    """A path as given when it exists, else the file of that name in bench/."""
    return Path(name) if Path(name).exists() else HERE / name


def lines(name: str) -> list[str]:
    return [ln for ln in located(name).read_text().splitlines() if ln.strip() and not ln.startswith("#")]


def sections(name: str) -> dict[str, str]:
    """Each line -> the `# heading` above it."""
    out, heading = {}, ""
    for ln in located(name).read_text().splitlines():
        if ln.startswith("#"):
            heading = ln.lstrip("# ").strip()
        elif ln.strip():
            out[ln] = heading
    return out


def option(flag: str, default: str) -> str:
    """The value after `flag` on the command line, else `default`."""
    args = sys.argv[1:]
    return args[args.index(flag) + 1] if flag in args[:-1] else default


def main() -> int:
    quiet = "--quiet" in sys.argv
    junk = 0
    nofact_file = option("--nofact", "junk_probe_nofact.txt")
    fact_file = option("--fact", "junk_probe_fact.txt")
    nofact = lines(nofact_file)
    heading = sections(nofact_file)
    by_section: dict[str, int] = {}
    relatives = 0  # "my sister lives in Denver" stores family=sister: true of the speaker, counted apart
    for message in nofact:
        for field, value in stored(message):
            junk += 1
            relatives += field == "family"
            if field != "family":
                by_section[heading[message]] = by_section.get(heading[message], 0) + 1
            if not quiet:
                print(f"JUNK  {field}={value!r}  <- {message}")
    for name, count in sorted(by_section.items()):
        print(f"  {name}: {count} non-family values")
    facts = [ln.split("|") for ln in lines(fact_file)]
    found = 0
    for message, field, want in facts:
        kept = stored(message)
        fields = POOLED.get(field, (field,))
        if any(f in fields and want.lower() in v.lower() for f, v in kept):
            found += 1
        elif not quiet:
            print(f"MISS  {field}~{want!r}  got {kept}  <- {message}")
    share = found / len(facts)
    print(
        f"no-fact lines={len(nofact)} junk values={junk} (family mentions {relatives}); "
        f"fact lines={len(facts)} found={found} ({share:.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
