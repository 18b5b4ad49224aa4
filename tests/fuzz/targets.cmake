# The list of fuzz targets: tests/fuzz/<target>.c with a seed corpus in
# tests/fuzz/corpus/<target>/ (and, optionally, a libFuzzer dictionary
# tests/fuzz/<dict>.dict named in scripts/fuzz.sh).
set(PAROER_FUZZ_TARGETS fuzz_catalog fuzz_relative fuzz_population fuzz_match_coverage fuzz_rules fuzz_hsds)
