"""Runs pytest for ctest; exits 77 (ctest's SKIP_RETURN_CODE) when pytest is not installed."""
import sys

try:
    import pytest
except ImportError:
    print("pytest is not installed (Debian: python3-pytest): skipping the Python binding tests")
    sys.exit(77)

sys.exit(pytest.main(sys.argv[1:]))
