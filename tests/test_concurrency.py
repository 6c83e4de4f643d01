"""Threads and processes see the same answers, and nothing built can be changed."""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from types import MappingProxyType

import attrs
import pytest
from samples import WAYS_95188, WAYS_9510211, WAYS_4009888898

import hotline_verify as hv
from hotline_verify import _allowlist as allowlist_module

ALLOWLIST = hv.packaged_allowlist()
ACTIVE = [n.number for n in ALLOWLIST.numbers if n.active]
INPUTS = (
    ACTIVE
    + [x.number for n in ACTIVE[:12] for x in hv.lookalikes(n)][:1500]
    + WAYS_9510211
    + WAYS_4009888898
    + WAYS_95188
    + ["", "4OO-988-8898", "+95588", "010-95566", "400-XXX-XXXX", "٩٥١٨٨", "12583195588", "1069009558812"]
)
CLAIMS = [None, "淘宝", "Alipay", "工行", "nobody"]
THREADS = 8


def _single(texts):
    return [hv.verify(t, claimed=CLAIMS[i % len(CLAIMS)]).to_dict() for i, t in enumerate(texts)]


def _verify_claimed(item):
    i, text = item
    return hv.verify(text, claimed=CLAIMS[i % len(CLAIMS)])


def test_verify_from_threads_matches_one_thread():
    expected = _single(INPUTS)
    with ThreadPoolExecutor(THREADS) as pool:
        got = [v.to_dict() for v in pool.map(_verify_claimed, enumerate(INPUTS), chunksize=1)]
    assert got == expected


def test_normalize_and_lookalikes_from_threads_match_one_thread():
    def work(text):
        try:
            n = hv.normalize(text)
        except hv.InvalidNumber as exc:
            return ("invalid", exc.code)
        return (n, [(x.number, x.kind) for x in hv.lookalikes(n)])

    texts = INPUTS[::4]
    expected = [work(t) for t in texts]
    barrier = threading.Barrier(THREADS)

    def start(chunk):
        barrier.wait()  # all threads run at once, not one after another
        return [work(t) for t in chunk]

    chunks = [texts[i::THREADS] for i in range(THREADS)]
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(start, chunks))
    for i, chunk_result in enumerate(results):
        assert chunk_result == expected[i::THREADS]


def test_verify_from_a_process_pool_matches_one_process():
    texts = INPUTS[:400]
    expected = [hv.verify(t).to_dict() for t in texts]
    # spawn: a fresh interpreter builds its own allowlist (and fork from a threaded parent is unsafe)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        got = [v.to_dict() for v in pool.map(hv.verify, texts, chunksize=50)]
    assert got == expected


def test_verdicts_pickle():
    for text in INPUTS[:200]:
        v = hv.verify(text, claimed="淘宝", incoming=True)
        assert pickle.loads(pickle.dumps(v)) == v


def test_first_concurrent_calls_of_packaged_allowlist_share_one_object():
    cached = allowlist_module._packaged
    for _ in range(3):
        cached.cache_clear()
        barrier = threading.Barrier(16)
        got = []

        def load(barrier, got):
            barrier.wait()
            got.append(hv.packaged_allowlist())

        threads = [threading.Thread(target=load, args=(barrier, got)) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(got) == 16 and len({id(a) for a in got}) == 1
    assert hv.packaged_allowlist() is got[0]


# --- immutability ------------------------------------------------------------------------------------------


def test_allowlist_fields_and_indexes_cannot_be_changed():
    al = hv.packaged_allowlist()
    for field in attrs.fields(type(al)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(al, field.name, None)
    for mapping in (
        al.cases,
        al.alias_keys,
        al._aliases,
        al._latin,
        al._fakes,
        al._wrong,
    ):
        assert isinstance(mapping, MappingProxyType)
        with pytest.raises(TypeError):
            mapping["95188"] = None
        with pytest.raises(AttributeError):
            mapping.clear()
    # entries are made on first read, behind a mapping that has no way to change them
    with pytest.raises(TypeError):
        al._by_number["95188"] = None  # type: ignore[index]
    assert not hasattr(al._by_number, "clear") and not hasattr(al._by_number, "pop")
    for seq in (al.organisations, al.numbers, al.known_fakes, al.wrong_attributions):
        assert isinstance(seq, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        al.numbers[0].number = "110"


def test_lookalike_index_cannot_be_changed():
    index = hv.packaged_allowlist().index
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        index._numbers = frozenset()
    assert isinstance(index._numbers, frozenset)
    with pytest.raises(AttributeError):
        index._numbers.add("12345")
    with pytest.raises(TypeError):
        index._near["9518"] = ("95188",)
    assert all(isinstance(v, str) for v in index._near.values())


def test_records_cannot_be_changed():
    v = hv.verify("400-123-4567", claimed="淘宝")
    for name, value in [("status", hv.Status.OFFICIAL), ("reasons", ()), ("input", "95188")]:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(v, name, value)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        v.reasons[0].code = "official"
    org = v.claimed_org
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        org.name = None
    assert isinstance(org.aliases, tuple)
