"""Running services at the same moment, each in its own thread, app context and transaction.

Each thread pushes its own app context, which gives it its own `db.session` and so its own
connection and transaction, on SQLite and PostgreSQL alike.
"""

import contextlib
import threading
from collections.abc import Callable

from cocreate.extensions import db

TIMEOUT = 30


def race(app, calls: dict[str, Callable], *, one_after_the_other: bool = False) -> dict:
    """Run each call in its own thread and commit what it did; return what each gave or raised.

    A call loads what it needs and returns the action to take. The actions start together
    once every call has loaded, or, one_after_the_other, each once the one before has
    committed, while still holding what it loaded before that.
    """
    names = list(calls)
    loaded = threading.Barrier(len(names), timeout=TIMEOUT)
    finished = {name: threading.Event() for name in names}
    outcome: dict = {}

    def run(index: int, name: str) -> None:
        with app.app_context():
            try:
                act = calls[name]()
                loaded.wait()
                if one_after_the_other and index:
                    assert finished[names[index - 1]].wait(TIMEOUT)
                outcome[name] = act()
                db.session.commit()
            except BaseException as exc:  # reported by the test, not lost in the thread
                db.session.rollback()
                outcome[name] = exc
            finally:
                db.session.remove()
                finished[name].set()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive()
    return outcome


def pause_after(monkeypatch, owner, name: str, parties: int, patience: float = 2.0) -> None:
    """Hold each thread after owner.name has run, until `parties` threads got there or time is up.

    This keeps every thread between a service's look and its write, where a race does its
    harm. Where the service takes a lock before it looks, the others wait on that lock
    instead: the pause runs out, and the first thread goes on alone.
    """
    meeting = threading.Barrier(parties, timeout=patience)
    original = getattr(owner, name)

    def paused(*args, **kwargs):
        result = original(*args, **kwargs)
        # A broken meeting means someone waits on a lock instead: go on alone.
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        return result

    monkeypatch.setattr(owner, name, paused)
