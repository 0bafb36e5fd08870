#!/bin/sh
# Installs what `make fuzz` needs on top of scripts/install-deps.sh: Debian's clang 14 with its
# runtime libraries (libFuzzer, ASan and UBSan are in libclang-rt-14-dev) and llvm-symbolizer
# (in llvm-14) for readable stack traces in sanitizer reports.
# Idempotent: it asks apt-get only for packages that are missing.
set -eu

exec "$(dirname "$0")/apt-install-missing.sh" install-fuzz-deps clang-14 libclang-rt-14-dev llvm-14
