"""The pool's slots: first come, first served; a wait that times out or is cancelled never
takes, keeps or loses a slot."""

from __future__ import annotations

import asyncio

from database import FairSlots


async def _held(slots: FairSlots, name: str, order: list[str], hold_s: float = 0.0) -> None:
    assert await slots.acquire(timeout_s=5)
    order.append(name)
    await asyncio.sleep(hold_s)
    slots.release()


def test_freed_slots_go_to_the_longest_waiter_not_to_a_newcomer() -> None:
    async def scenario() -> list[str]:
        slots = FairSlots(1)
        order: list[str] = []
        assert await slots.acquire(timeout_s=1)
        waiters = [asyncio.create_task(_held(slots, name, order)) for name in ("first", "second", "third")]
        await asyncio.sleep(0.01)  # all three are queued
        slots.release()
        # A newcomer arriving right after the release must queue behind the three.
        newcomer = asyncio.create_task(_held(slots, "newcomer", order))
        await asyncio.gather(*waiters, newcomer)
        return order

    assert asyncio.run(scenario()) == ["first", "second", "third", "newcomer"]


def test_a_wait_that_times_out_says_so_and_leaves_the_slot_count_whole() -> None:
    async def scenario() -> tuple[bool, bool, bool]:
        slots = FairSlots(1)
        assert await slots.acquire(timeout_s=1)
        timed_out = await slots.acquire(timeout_s=0.02)
        slots.release()  # the holder is done: the timed-out waiter must not be handed the slot
        got_it = await slots.acquire(timeout_s=0.5)
        # Exactly one slot exists: a second taker waits and times out.
        second = await slots.acquire(timeout_s=0.02)
        return timed_out, got_it, second

    assert asyncio.run(scenario()) == (False, True, False)


def test_a_cancelled_waiter_neither_takes_nor_loses_a_slot() -> None:
    async def scenario() -> tuple[bool, bool]:
        slots = FairSlots(1)
        assert await slots.acquire(timeout_s=1)
        cancelled = asyncio.create_task(slots.acquire(timeout_s=5))
        await asyncio.sleep(0.01)
        cancelled.cancel()
        await asyncio.gather(cancelled, return_exceptions=True)
        slots.release()
        first = await slots.acquire(timeout_s=0.5)  # the slot is back, not held by the cancelled wait
        second = await slots.acquire(timeout_s=0.02)  # and there is still only one
        return first, second

    assert asyncio.run(scenario()) == (True, False)


def test_a_slot_handed_to_a_waiter_cancelled_before_it_ran_is_passed_on() -> None:
    async def scenario() -> list[str]:
        slots = FairSlots(1)
        order: list[str] = []
        assert await slots.acquire(timeout_s=1)
        doomed = asyncio.create_task(slots.acquire(timeout_s=5))
        behind = asyncio.create_task(_held(slots, "behind", order))
        await asyncio.sleep(0.01)
        slots.release()  # the slot goes to `doomed`'s waiter...
        doomed.cancel()  # ...which is cancelled before it runs: the slot must go on to `behind`
        await asyncio.gather(doomed, return_exceptions=True)
        await asyncio.wait_for(behind, 1)
        return order

    assert asyncio.run(scenario()) == ["behind"]
