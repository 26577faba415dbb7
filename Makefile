# Quick start: `make run` evaluates Rules/, `make test` runs the Swift suite, the
# rule base's policy tests (`accord test Rules`) and the bench smoke (results, not speed).
SWIFT ?= swift
BUILD_FLAGS ?=
# The release binaries link the Swift runtime and Foundation statically: loading and
# relocating a dozen shared libraries took about half of `accord run` on a small rule base.
RELEASE_FLAGS ?= --static-swift-stdlib
ACCORD = .build/debug/accord
RELEASE_ACCORD = .build/release/accord

.PHONY: all deps build release run test check fmt bench-parse bench-whatif bench bench-release bench-smoke clean

all: build

# libedit (for the REPL) comes from Debian; install it when pkg-config cannot see it.
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "installing libedit-dev and pkg-config (needed by the REPL)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi
	@if ! command -v python3 >/dev/null 2>&1; then \
		echo "installing python3 (the bench smoke checks results with it)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS)

run: build
	$(ACCORD) run Rules

test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)
	$(ACCORD) test Rules
	$(BENCH_SMOKE)

check: build
	$(ACCORD) check Rules

fmt: build
	$(ACCORD) fmt Rules

# Parse and check a generated file of 100,000 facts; prints time per fact.
bench-parse: release
	.build/release/accord-bench parse --facts 100000

# What-if latency on a generated policy workload (see Benchmarks/README.md for the files):
#   make bench-whatif FILE=policy_100k.accord [ARGS="--changes 1000 --seed 1"]
bench-whatif: release
	@test -n "$(FILE)" || { echo "usage: make bench-whatif FILE=policy_NNN.accord [ARGS='--changes N --seed S']"; exit 2; }
	.build/release/accord-bench whatif $(FILE) $(ARGS)

# Accord and CLIPS side by side (issue 8; docs/performance.md). Installs clips and time with
# apt-get if missing, builds release binaries, generates the instances into .bench/ and prints
# the ratios Accord/CLIPS.  make bench ARGS="--quick" | ARGS="--only manners,tc --reps 5"
BENCH_SCRATCH ?= .build
BENCH_BIN = $(BENCH_SCRATCH)/release

bench-release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH) --product accord
	$(SWIFT) build -c release $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH) --product accord-bench

bench: bench-release
	@command -v clips >/dev/null && test -x /usr/bin/time || { \
		echo "installing clips and time with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clips time >/dev/null; }
	python3 Benchmarks/compare.py --accord $(BENCH_BIN)/accord --accord-bench $(BENCH_BIN)/accord-bench $(ARGS)

# Tiny instances, Accord only (no CLIPS, no release build: the debug binaries of `make build`):
# checks results, not speed.
# About 5 s, so `make test` runs it too.
SMOKE_BIN ?= .build/debug
BENCH_SMOKE = python3 Benchmarks/compare.py --smoke --accord $(SMOKE_BIN)/accord --accord-bench $(SMOKE_BIN)/accord-bench

bench-smoke: build
	$(SWIFT) build $(BUILD_FLAGS) --product accord-bench
	$(BENCH_SMOKE)

clean:
	rm -rf .build

# Fuzzing (docs/fuzzing.md): libFuzzer over parse, check, lint, format and a short run,
# seeded from the fixtures and Rules/; new inputs go to $(FUZZ_DIR)/corpus, crashes and
# hangs to $(FUZZ_DIR)/crashes.  make fuzz [FUZZ_SECONDS=300] [FUZZ_ARGS="-jobs=2 -workers=2"]
# [FUZZ_SANITIZE=fuzzer,address]
FUZZ_SECONDS ?= 300
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_DIR ?= .fuzz
FUZZ_SANITIZE ?= fuzzer
FUZZ_ARGS ?=
FUZZ_BIN = $(FUZZ_SCRATCH)/release/AccordFuzz

.PHONY: fuzz fuzz-build

fuzz-build:
	$(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) --product AccordFuzz \
		-Xswiftc -sanitize=$(FUZZ_SANITIZE) -Xswiftc -DACCORD_FUZZ

fuzz: fuzz-build
	mkdir -p $(FUZZ_DIR)/seeds $(FUZZ_DIR)/corpus $(FUZZ_DIR)/crashes
	find Tests/Fixtures Rules -name '*.accord' | while read -r f; do cp "$$f" "$(FUZZ_DIR)/seeds/$$(echo "$$f" | tr / _)"; done
	SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=2048 \
		-max_len=4096 -dict=Tests/Fixtures/fuzz/accord.dict -artifact_prefix=$(FUZZ_DIR)/crashes/ \
		-print_final_stats=1 $(FUZZ_ARGS) $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds

# Sanitizers (docs/sanitizers.md): the Swift suite under AddressSanitizer (with LeakSanitizer)
# and under ThreadSanitizer, each in its own scratch folder; the tests that start `accord`
# start the sanitized one built beside the test bundle. Not part of `make test` (a run takes
# 10-20 minutes).  make test-asan [SANITIZER_TEST_ARGS="--filter ReplSessionTests"]
ASAN_SCRATCH ?= .build-asan
TSAN_SCRATCH ?= .build-tsan
SANITIZER_TEST_ARGS ?=
# A sanitized build runs several times slower: the tests' time limits (Ctrl-C to exit
# within 1 s, ...) are multiplied by this (Tests/AccordTestSupport/TestTiming.swift).
SANITIZER_TIME_SCALE ?= 10

.PHONY: test-asan test-tsan memcheck

# The symbolizer by absolute path: some tests start `accord` with a PATH of their own, and
# LeakSanitizer's suppressions match function names only in a symbolized report.
SYMBOLIZER ?= $(shell dirname "$$(readlink -f "$$(command -v $(SWIFT))")")/llvm-symbolizer

test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path $(ASAN_SCRATCH)
	ACCORD_TEST_TIME_SCALE=$(SANITIZER_TIME_SCALE) ASAN_SYMBOLIZER_PATH=$(SYMBOLIZER) LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp:print_suppressions=0 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path $(ASAN_SCRATCH) $(SANITIZER_TEST_ARGS)

test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path $(TSAN_SCRATCH)
	ACCORD_TEST_TIME_SCALE=$(SANITIZER_TIME_SCALE) $(SWIFT) test --skip-build --sanitize=thread --scratch-path $(TSAN_SCRATCH) $(SANITIZER_TEST_ARGS)

# A scripted REPL session (Tests/Fixtures/repl/memcheck-session.txt) under valgrind memcheck:
# fails on any memory error or definite leak. Installs valgrind with apt-get if missing.
MEMCHECK_SCRATCH ?= .build
memcheck: deps
	@command -v valgrind >/dev/null || { echo "installing valgrind with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
	$(SWIFT) build --scratch-path $(MEMCHECK_SCRATCH) --product accord
	sh Tests/Fixtures/repl/memcheck.sh $(MEMCHECK_SCRATCH)/debug/accord
