#!/bin/sh
# Installs the Debian packages Kenniscafé needs to build, test and benchmark.
# Idempotent: it asks apt-get only for packages that are missing, so a machine
# that already has everything is left untouched and no network is needed.
set -eu

packages="
build-essential cmake ninja-build ccache pkg-config clang-format git
libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
libsqlite3-dev libkainjow-mustache-dev
libspdlog-dev libfmt-dev libcli11-dev libsodium-dev libjemalloc-dev
libgtest-dev libgmock-dev
libcairo2-dev libpango1.0-dev poppler-utils libqrencode-dev zbar-tools
libstemmer-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev libxlsxwriter-dev libcurl4-openssl-dev
python3-aiosmtpd python3-openpyxl openssl
libpq-dev postgresql
wrk curl jq chromium fonts-dejavu-core
libxml2-utils
minizinc
"

# The browser tests run on Node.js; a machine that has none (of any origin) gets
# Debian's, while one with Node.js from elsewhere is left as it is.
if ! command -v node > /dev/null 2>&1; then
    packages="$packages nodejs npm"
fi

# shellcheck disable=SC2086
exec "$(dirname "$0")/apt-install-missing.sh" install-deps $packages
