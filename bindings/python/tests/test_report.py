"""The coverage report from Python: Coverage.to_html() writes the page of
`paroer report`, byte for byte, and municipality names come from the library."""
import locale
import os
import subprocess

import pytest

from conftest import DATE, OFFERS, POLICY, SHIPPED, SOURCE_DIR

POP = SOURCE_DIR / "tests" / "data" / "pop-small.csv"


def cli_report(cli, tmp_path, *args):
    out = tmp_path / "report.html"
    p = subprocess.run([cli, "report", *map(str, args), "-o", str(out)], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    return out.read_bytes()


def names(paths):
    return [os.path.basename(str(p)) for p in paths]


def test_coverage_is_the_json_dict(paroer, shipped):
    cov = shipped.coverage(306, date=DATE)
    assert isinstance(cov, dict) and isinstance(cov, paroer.Coverage)
    assert cov["municipality"] == 306
    assert dict(cov) == cov


def test_to_html(paroer, shipped):
    cov = shipped.coverage(306, date=DATE)
    html = cov.to_html()
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"da\">")
    assert "Odsherred Kommune" in html and "15. januar 2026" in html
    assert html.count('data-check="') == 6
    en = cov.to_html(lang="en", age_band="youth", sources=["a<b>.json"], population_name="p.csv")
    assert '<html lang="en">' in en and "a&lt;b&gt;.json" in en and "15 January 2026" in en
    assert 'data-band="youth"' in en
    with pytest.raises(ValueError):
        cov.to_html(lang="fr")
    with pytest.raises(ValueError):
        cov.to_html(age_band="toddler")
    cov.close()
    with pytest.raises(paroer.ClosedError):
        cov.to_html()
    assert cov["municipality"] == 306  # the dict stays


@pytest.mark.parametrize("lang", ["da", "en"])
def test_report_byte_identical_to_cli(paroer, cli, shipped, tmp_path, lang):
    want = cli_report(cli, tmp_path, "-c", *SHIPPED, "-m", 306, "--population", POP, "--date", DATE, "--lang", lang)
    cov = shipped.coverage(306, DATE, population=POP)
    got = cov.to_html(lang=lang, sources=names(SHIPPED), population_name=POP.name).encode("utf-8")
    assert got == want


def test_report_byte_identical_national_and_statutory(paroer, cli, tmp_path):
    want = cli_report(cli, tmp_path, "-c", OFFERS, POLICY, "--statutory", "--population", POP, "--date", DATE)
    with paroer.Catalog.load(OFFERS, POLICY, statutory=True) as c:
        cov = c.coverage(None, DATE, population=POP)
        got = cov.to_html(sources=names([OFFERS, POLICY]) + ["statutory.json"], population_name=POP.name)
    assert got.encode("utf-8") == want


def test_report_ignores_the_locale(paroer, shipped):
    cov = shipped.coverage(306, DATE, population=POP)
    plain = cov.to_html()
    for name in ("da_DK.UTF-8", "da_DK.utf8"):
        try:
            old = locale.setlocale(locale.LC_ALL, name)
        except locale.Error:
            continue
        try:
            assert cov.to_html() == plain
        finally:
            locale.setlocale(locale.LC_ALL, "C")
        break
