"""The bodies a process keeps by their ETag (moodmnky.cache.RecentBodies): bounded in bytes, least recently used
out first."""

from moodmnky.cache import RecentBodies


def test_past_its_limit_the_least_recently_used_bodies_go_first():
    bodies = RecentBodies(limit=10)
    bodies.put('"a"', b"aaaa")
    bodies.put('"b"', b"bbbb")
    assert bodies.get('"a"') == b"aaaa"  # now the most recently used

    bodies.put('"c"', b"cccc")  # 12 bytes: one must go, and it is b

    assert bodies.get('"b"') is None
    assert bodies.get('"a"') == b"aaaa" and bodies.get('"c"') == b"cccc"
    assert bodies.size == 8


def test_a_body_larger_than_the_limit_is_not_kept_and_drops_nothing():
    bodies = RecentBodies(limit=10)
    bodies.put('"a"', b"aaaa")

    bodies.put('"big"', b"x" * 11)

    assert bodies.get('"big"') is None and bodies.get('"a"') == b"aaaa" and bodies.size == 4


def test_putting_a_kept_etag_again_counts_its_bytes_once():
    bodies = RecentBodies(limit=10)
    bodies.put('"a"', b"aaaa")
    bodies.put('"a"', b"aaaa")
    bodies.put('"b"', b"bbbb")

    assert bodies.size == 8 and bodies.get('"a"') == b"aaaa"
