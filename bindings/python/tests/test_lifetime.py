"""Memory is freed deterministically, never while Python can still reach it."""
import gc
import threading
import weakref

import pytest

from conftest import DATE, SHIPPED, TEST_DATA

SMALL = TEST_DATA / "small.json"


@pytest.fixture
def no_gc():
    """Everything here must work by reference counting alone (no cycles)."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_child_outlives_del_catalog(paroer, no_gc, relative_doc):
    c = paroer.Catalog.load(*SHIPPED)
    finalizer = c._h._finalizer
    offer = c.offer("dk-stat-aeldreloven-16-aflastning")
    goal = c.goals[0]
    target = offer.target
    del c
    # The library's catalog is still alive: the offer holds it.
    assert finalizer.alive
    assert offer.name and offer.is_live(306, DATE)
    assert target.overlaps(goal.target) in (True, False)
    # Asking the offer for its catalog gives a working catalog again.
    again = offer.catalog
    assert again.offer(offer.id) == offer
    assert again.match(relative_doc, date=DATE).eligible_count > 0
    del again, offer, goal, target
    assert not finalizer.alive   # freed as soon as the last reference went, without gc


def test_del_catalog_frees_immediately(paroer, no_gc):
    c = paroer.Catalog.load(SMALL)
    _ = c.offers, c.policies           # populate the item caches
    finalizer = c._h._finalizer
    del c, _
    assert not finalizer.alive


def test_match_result_keeps_catalog_alive(paroer, no_gc, relative_doc):
    c = paroer.Catalog.load(*SHIPPED)
    finalizer = c._h._finalizer
    result = c.match(relative_doc, date=DATE, explain=True)
    del c
    assert finalizer.alive
    m = result[0]
    assert m.offer.is_live(306, DATE)
    assert result.excluded[0].offer.catalog.offer(result.excluded[0].offer.id)
    del result, m
    assert not finalizer.alive


def test_with_block_closes(paroer, relative_doc):
    with paroer.Catalog.load(SMALL) as c:
        offer = c.offers[0]
        goal = c.goals[0]
    assert c.closed
    assert not c._h._finalizer.alive          # freed at the end of the block
    # Items read before stay readable ...
    assert offer.name == "Demenscafé" and offer.target.relative_age.min == 18 and goal.id == "g-respite"
    assert offer.serves_municipality(306)
    # ... but nothing reaches the freed library object.
    for call in (lambda: offer.is_live(306), lambda: goal.realised_by(offer), lambda: c.match(relative_doc),
                 lambda: c.coverage(306), lambda: c.municipality, lambda: offer.target.overlaps(goal.target),
                 lambda: paroer.Catalog.merge(c)):
        with pytest.raises(paroer.ClosedError):
            call()
    c.close()  # idempotent
    assert "closed" in repr(c)


def test_close_before_reading_items(paroer):
    c = paroer.Catalog.load(SMALL)
    c.close()
    with pytest.raises(paroer.ClosedError):
        c.offers


def test_relative_and_population_close(paroer, relative_doc):
    with paroer.Relative.from_dict(relative_doc) as r:
        assert r.age == 52
    with pytest.raises(paroer.ClosedError):
        r.age
    with paroer.Catalog.load(SMALL) as c, pytest.raises(paroer.ClosedError):
        c.match(r)
    p = paroer.Population.load(TEST_DATA.parent.parent.parent.parent / "tests" / "data" / "pop-small.csv")
    one = p.relative(0)
    p.close()
    assert one.age > 0                 # a relative made from a population is stand-alone
    with pytest.raises(paroer.ClosedError):
        len(p)


def test_close_waits_for_a_call_in_progress(paroer):
    """close() on one thread while another uses the object defers the free to the end of that use."""
    c = paroer.Catalog.load(SMALL)
    h = c._h
    inside, release = threading.Event(), threading.Event()

    def user():
        with h.use():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=user)
    t.start()
    assert inside.wait(5)
    c.close()
    assert c.closed and h._finalizer.alive      # not freed under the other thread's feet
    release.set()
    t.join()
    assert not h._finalizer.alive               # freed when that use ended


def test_concurrent_matching_and_close(paroer, relative_doc):
    """Threads matching while the catalog is closed either finish or get ClosedError; nothing crashes."""
    c = paroer.Catalog.load(*SHIPPED)
    errors, done = [], []

    def worker():
        for _ in range(50):
            try:
                done.append(len(c.match(relative_doc, date=DATE)))
            except paroer.ClosedError:
                return
            except BaseException as e:  # pragma: no cover
                errors.append(e)
                return

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    while not done:
        pass
    c.close()
    for t in threads:
        t.join()
    assert not errors and set(done) == {done[0]}


def test_builder_and_temporary_relatives_are_freed(paroer, no_gc, relative_doc):
    b = paroer.CatalogBuilder()
    fb = b._h._finalizer
    del b
    assert not fb.alive
    with paroer.Catalog.load(SMALL) as c:
        made = []
        orig = paroer.relative.Relative.from_dict.__func__

        def spy(cls, doc, **kw):
            r = orig(cls, doc, **kw)
            made.append(weakref.ref(r))
            made.append(r._h._finalizer)
            return r
        paroer.relative.Relative.from_dict = classmethod(spy)
        try:
            c.match(relative_doc, date=DATE)
            c.match_many([relative_doc, relative_doc], date=DATE)
        finally:
            paroer.relative.Relative.from_dict = classmethod(orig)
        # The relatives made from dicts are freed (personal data gone) when the call returns.
        assert made and not any(f.alive for f in made[1::2])
