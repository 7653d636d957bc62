"""The benchmark runner's own contract: what it times, and that each timed pass starts from a clean collector."""

import gc

from bench.runner import run_system


def test_each_pass_starts_with_a_clean_garbage_collector():
    # Young collections raise the older generations' counts; a full collection before the timed calls resets them,
    # so a collection owed to earlier work is not billed to the system being timed.
    for _ in range(3):
        gc.collect(0)
    assert gc.get_count()[1] > 0
    seen = []
    run_system("probe", lambda item: seen.append(gc.get_count()[1:]), [1], before=lambda: None)
    assert seen == [(0, 0)]


def test_failures_are_counted_not_raised():
    def flaky(item: int) -> int:
        if item == 2:
            raise ValueError("bad page")
        return item

    run = run_system("flaky", flaky, [1, 2, 3])
    assert run.outputs == [1, None, 3]
    assert run.errors == 1 and run.first_error == "ValueError: bad page"
    assert run.status.startswith("1 errors")
