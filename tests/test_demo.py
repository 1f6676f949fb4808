"""The shell demo prints the design's output, and prints it again on a second run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg2

PROJECT_DIR = Path(__file__).resolve().parents[1]
EXPECTED = """\
============================================================
PersonalMem System Demo
============================================================

--- User Message 1 ---
Message: "My name is Alice. I'm a software engineer."
Extracted memories: ['name', 'role']

--- User Message 2 ---
Message: "I love Python and JavaScript."
Extracted memories: ['likes']

--- All Personal Memories for User ---
- Name: Alice
- Role: software engineer
- Likes: ['Python', 'JavaScript']
"""


def test_demo_output_is_the_designs_and_repeatable(database_url: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "OPENAI_", "AZURE_"))}
    env.update({"DATABASE_URL": database_url, "LLM_PROVIDER": "rules", "PERSONALMEM_DATA_DIR": str(tmp_path)})
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, "app.py"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr
        assert run.stdout == EXPECTED
    conn = psycopg2.connect(database_url)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM user_memories WHERE user_id LIKE 'demo\\_%'")
        assert cur.fetchone() == (0,)  # the demo user is cleaned up
    conn.close()
