#!/bin/sh
# Fails when a C++ source under src/, tests/ or bench/ is not formatted with the project's
# .clang-format, naming the files; `clang-format -i FILE` fixes one. Part of `make test`,
# so that CI keeps the code in one style.
set -eu
cd "$(dirname "$0")/.."
unformatted=""
for file in $(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp'); do
    if ! clang-format --dry-run --Werror "$file" > /dev/null 2>&1; then
        unformatted="$unformatted $file"
    fi
done
if [ -n "$unformatted" ]; then
    echo "check-format: not formatted with .clang-format (run clang-format -i on them):" >&2
    for file in $unformatted; do echo "  $file" >&2; done
    exit 1
fi
echo "check-format: all C++ sources are formatted"
