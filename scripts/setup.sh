#!/usr/bin/env bash
# Installs every Debian package libparoer needs to build, test, fuzz, document
# and demo (Debian 12 "bookworm"). Idempotent: packages already installed are
# skipped, and when nothing is missing it neither updates nor downloads
# anything, so a second run is fast and works offline.
# Run as root (or with sudo available): bash scripts/setup.sh
set -euo pipefail

packages=(
  build-essential cmake pkg-config   # compiler, binutils (nm, readelf), build
  libjansson-dev                     # the library's JSON parser
  libcmocka-dev                      # unit tests
  doxygen                            # API reference (`docs` target, docs_doxygen test)
  python3 python3-pytest             # Python binding and its tests, test helpers
  python3-pip python3-setuptools python3-wheel python3-venv   # the binding's offline `pip install` tests
  clang libclang-rt-14-dev           # libFuzzer and sanitizer runtimes (clang 14 on Debian 12)
  valgrind                           # memory checking (scripts/valgrind.sh)
  abigail-tools                      # ABI comparison (scripts/abi.sh)
  gcovr                              # coverage reports (scripts/coverage.sh)
  libsqlite3-dev                     # benchmarks (bench/)
  chromium                           # headless browser test of the HTML report
  locales-all                        # the Danish locale of the locale-independence tests
  python3-jsonschema                 # HSDS export checked against the HSDS schemas (tests/hsds.cmake)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: run as root (missing: ${missing[*]})" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (unattended upgrades, a parallel setup) instead of failing.
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
echo "setup: done"
