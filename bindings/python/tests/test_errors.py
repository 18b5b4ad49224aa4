"""Errors are raised as the paroer.Error hierarchy with the library's message and position."""

import pytest

from conftest import SOURCE_DIR, TEST_DATA

HEAD = '{"format": "paroer-catalog",\n "version": 1,\n'


def test_hierarchy(paroer):
    for cls in (paroer.ParseError, paroer.SchemaError, paroer.NotFoundError, paroer.FileError,
                paroer.OutOfMemory, paroer.DuplicateError, paroer.InvalidArgument, paroer.CallbackError,
                paroer.ClosedError):
        assert issubclass(cls, paroer.Error)
    assert issubclass(paroer.ParseError, ValueError) and issubclass(paroer.SchemaError, ValueError)
    assert issubclass(paroer.FileError, OSError) and issubclass(paroer.OutOfMemory, MemoryError)
    assert issubclass(paroer.NotFoundError, LookupError)
    assert [c.status for c in (paroer.Error, paroer.OutOfMemory, paroer.InvalidArgument, paroer.ParseError,
                               paroer.SchemaError, paroer.NotFoundError, paroer.FileError, paroer.CallbackError,
                               paroer.DuplicateError)] == [-1, -2, -3, -4, -5, -6, -7, -8, -10]


def test_parse_error_has_line_and_column(paroer):
    text = HEAD + ' "offers": [ {"id": "a" "name": "b"} ]}'
    with pytest.raises(paroer.ParseError) as info:
        paroer.Catalog.from_json(text, "broken.json")
    e = info.value
    assert e.code == -4 and e.source == "broken.json"
    assert (e.line, e.column) == (3, 25)          # the "name" that follows "a" without a comma
    assert e.byte_offset == text.index('"name"')
    assert str(e).startswith("broken.json:3:25: ") and "invalid JSON" in e.message
    assert len(e.diagnostics) == 1 and e.diagnostics[0].line == 3


def test_schema_errors_are_all_reported(paroer):
    text = (HEAD + ' "offers": [ {"id": "a", "name": "A", "kind": "cafe"},\n'
                   '  {"id": "b", "name": "B", "kind": "course", "needs": ["respit"]} ]}')
    with pytest.raises(paroer.SchemaError) as info:
        paroer.Catalog.from_json(text, "two.json")
    e = info.value
    assert (e.line, e.column, e.path) == (3, 47, "offers[0].kind")
    assert 'unknown offer_kind "cafe"' in e.message
    errs = e.errors
    assert [(d.line, d.path) for d in errs] == [(3, "offers[0].kind"), (4, "offers[1].needs[0]")]
    assert errs[1].text.startswith("two.json:4:") and ": error: " in errs[1].text
    assert all(d.severity == "error" and d.code == -5 for d in errs)


def test_file_error(paroer, tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(paroer.FileError) as info:
        paroer.Catalog.load(missing)
    e = info.value
    assert isinstance(e, OSError) and e.code == -7 and e.source == str(missing) and e.filename == str(missing)
    with pytest.raises(OSError):
        paroer.Relative.load(missing)


def test_duplicate_error(paroer):
    small = TEST_DATA / "small.json"
    with pytest.raises(paroer.DuplicateError) as info:
        paroer.Catalog.load(small, small)
    e = info.value
    assert e.code == -10 and "duplicate" in e.message and e.source == str(small)
    assert (e.line, e.column, e.path) == (4, 26, "providers[0].id")


def test_every_bad_input_case_gives_the_expected_error(paroer):
    """Each tests/bad case of the C suite fails in Python with exactly the expected first
    error (``input.json:LINE:COLUMN: error: MESSAGE``), from a string and from a file."""
    bad = SOURCE_DIR / "tests" / "bad"
    if not bad.is_dir():
        pytest.skip("tests/bad is not there")
    n = 0
    for case in sorted(bad.iterdir()):
        inp, expected_file = case / "input.json", case / "error"
        if not (inp.is_file() and expected_file.is_file()):
            continue
        expected = expected_file.read_text(encoding="utf-8").strip()
        flags = (case / "flags").read_text() if (case / "flags").is_file() else ""
        cls = paroer.Relative if case.name.startswith("relative-") else paroer.Catalog
        if case.name.startswith("hsds-"):   # Open Referral HSDS (docs/hsds.md)
            with pytest.raises(paroer.Error) as info:
                paroer.Catalog.from_hsds(inp.read_bytes(), "input.json", strict="strict" in flags)
            assert info.value.errors[0].text == expected, case.name
            with pytest.raises(type(info.value)):
                paroer.Catalog.from_hsds(inp, strict="strict" in flags)
            n += 1
            continue
        with pytest.raises(paroer.Error) as info:
            cls.from_json(inp.read_bytes(), "input.json", strict="strict" in flags)
        e = info.value
        assert e.errors and e.errors[0].text == expected, case.name
        assert e.code in (-4, -5, -10) and e.source == "input.json", case.name
        if e.line:
            assert expected.startswith(f"input.json:{e.line}:{e.column}: error: "), case.name
            assert str(e).startswith(f"input.json:{e.line}:{e.column}: "), case.name
        with pytest.raises(type(e)):
            cls.load(inp, strict="strict" in flags)
        n += 1
    assert n > 100


def test_relative_errors_name_the_field(paroer):
    with pytest.raises(paroer.SchemaError) as info:
        paroer.Relative.from_dict({"age": 200, "municipality": 306, "relations": []})
    e = info.value
    assert e.path == "age" and e.source == "<dict>" and e.line == 2
    assert [d.path for d in e.errors] == ["age", "relations"]
    with pytest.raises(paroer.SchemaError) as info:
        paroer.Relative.from_json('{"age": 40, "municipality": 306,\n "relations": [{"relation": "cousin"}]}', "r.json")
    assert info.value.path == "relations[0].relation" and (info.value.line, info.value.source) == (2, "r.json")
    # The API (not a document): an out-of-range argument.
    with pytest.raises(paroer.InvalidArgument, match="age"):
        paroer.Relative(age=200, municipality=306)


def test_error_record_does_not_leak_personal_values(paroer):
    """Messages name fields, never a relative's values (relative.h)."""
    with pytest.raises(paroer.Error) as info:
        paroer.Relative.from_dict({"id": "secret-pseudonym", "age": 52, "municipality": 306,
                                   "relations": [{"relation": "son_daughter", "hours_per_week": 500}]})
    assert "secret-pseudonym" not in str(info.value)


def test_out_of_memory_is_memoryerror(paroer):
    """A real PAROER_ENOMEM (an allocator that always fails) comes out as OutOfMemory."""
    import ctypes
    from paroer import _lib
    from paroer.errors import check
    MALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)
    REALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t)
    FREE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)

    class Allocator(ctypes.Structure):
        _fields_ = [("malloc_fn", MALLOC), ("realloc_fn", REALLOC), ("free_fn", FREE), ("ctx", ctypes.c_void_p)]

    alloc = Allocator(MALLOC(lambda ctx, n: None), REALLOC(lambda ctx, p, a, b: None), FREE(lambda ctx, p: None), None)
    out = ctypes.c_void_p()
    fn = _lib.fn
    with pytest.raises(paroer.OutOfMemory) as info:
        check(fn.paroer_diagnostics_new(ctypes.byref(out), ctypes.cast(ctypes.byref(alloc), ctypes.c_void_p)))
    assert isinstance(info.value, MemoryError) and info.value.code == -2 and info.value.message
    assert not out.value
