"""PersonalMem shell demo: two messages in, the remembered profile out.

Run it with ./run_demo.sh. It uses the same settings as the API (embedded
PostgreSQL and the rule-based extractor unless .env says otherwise), a fresh
demo user, and deletes that user at the end, so every run prints the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import uuid

from config import get_settings
from errors import PersonalMemError
from memory_service import open_memory_service, ordered_fields

DEMO_MESSAGES = (
    "My name is Alice. I'm a software engineer.",
    "I love Python and JavaScript.",
)
RULE = "=" * 60


def main() -> int:
    return asyncio.run(run_demo())


async def run_demo() -> int:
    settings = get_settings()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    user_id = f"demo_{uuid.uuid4().hex[:8]}"
    async with open_memory_service(settings) as (service, _target):
        try:
            print(RULE)
            print("PersonalMem System Demo")
            print(RULE)
            for number, message in enumerate(DEMO_MESSAGES, start=1):
                result = await service.process_message(user_id=user_id, message=message)
                print(f"\n--- User Message {number} ---")
                print(f'Message: "{message}"')
                print(f"Extracted memories: {[event.field for event in result.applied]}")
            print("\n--- All Personal Memories for User ---")
            profile = await service.get_profile(user_id)
            for field in ordered_fields(profile):
                print(f"- {field.replace('_', ' ').capitalize()}: {profile[field]}")
        except PersonalMemError as exc:
            print(f"\nDemo failed: {exc.detail}", file=sys.stderr)
            return 1
        finally:
            with contextlib.suppress(PersonalMemError):
                await service.delete_all(user_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
