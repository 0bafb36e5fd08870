# The two commands of the README live here: `make serve` and `make test`.
# Everything installs what it needs first, so a fresh Debian 12 machine works.
PORT ?= 8080
PRESET ?= release
BUILD_DIR := build/$(PRESET)
DB ?= data/kenniscafe.db

.PHONY: deps build serve test test-unit test-e2e bench bench-http bench-tables bench-live bench-reports asan fuzz clean

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake --preset $(PRESET) > /dev/null
	@cmake --build --preset $(PRESET)
	@ln -sfn $(PRESET)/kenniscafe build/kenniscafe

serve: build
	@mkdir -p $(dir $(DB))
	@echo "Kenniscafé start op http://127.0.0.1:$(PORT)/"
	@build/kenniscafe serve --db $(DB) --port $(PORT) --demo

test: build
	@./scripts/check-format.sh
	@ctest --preset $(PRESET) -j2
	@./tests/e2e/run.sh

asan: deps
	@cmake --preset asan-ubsan > /dev/null
	@cmake --build --preset asan-ubsan
	@ctest --preset asan-ubsan -j2

# Every parser of outside input under libFuzzer with ASan and UBSan, FUZZ_SECONDS (60) each.
fuzz: deps
	@./scripts/install-fuzz-deps.sh
	@./tests/fuzz/run.sh

bench: bench-http bench-tables

bench-http: build
	@./bench/http/run.sh

bench-tables: build
	@./bench/tables/run.sh

# The magazine of 5, 20 and 40 cafés as PDF and HTML; well under a minute.
bench-reports: build
	@./bench/reports/run.sh

# Live sessions under load against a baseline server; about nine minutes, two cores.
bench-live: build
	@./bench/live/run.sh

clean:
	rm -rf build
