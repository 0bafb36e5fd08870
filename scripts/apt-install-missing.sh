#!/bin/sh
# Installs those of the given Debian packages that are not installed yet, and nothing else, so
# that a machine that already has them all is left untouched and no network is needed.
# Usage: apt-install-missing.sh CALLER PACKAGE...   (CALLER names the script in its message)
set -eu

caller=$1
shift

missing=""
for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done

if [ -n "$missing" ]; then
    echo "$caller: installing$missing"
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo_cmd apt-get update -qq
    # shellcheck disable=SC2086
    $sudo_cmd apt-get install -y -qq --no-install-recommends $missing
fi
