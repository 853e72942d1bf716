#!/usr/bin/env bash
# Runs every test: installs and starts PostgreSQL and Redis (build/services.sh), builds the
# solution, runs each test project, and ends with `tests: N passed, N failed, N skipped`.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Sqlite").
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${EFREADCACHE_SKIP_SERVICES:-}" != "1" ]; then
  if ! eval "$(build/services.sh start)"; then
    echo "test: could not start PostgreSQL/Redis (build/services.sh start failed)" >&2
    echo "tests: 0 passed, 1 failed, 0 skipped"
    exit 1
  fi
fi
export EFREADCACHE_TEST_PG="${EFREADCACHE_TEST_PG:-Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache}"
export EFREADCACHE_TEST_REDIS="${EFREADCACHE_TEST_REDIS:-127.0.0.1:56379,password=efreadcache}"

echo "test: building EfReadCache.sln"
if ! dotnet build EfReadCache.sln -c Debug -nologo -clp:ErrorsOnly; then
  echo "test: the build failed" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  echo "test: running $name"
  dotnet test "$project" -c Debug --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
    --logger "console;verbosity=normal" "$@" > "$RESULTS/$name.log" 2>&1 || status=1
  grep -E "^\s+(Failed|Skipped) |Error Message|Total tests|Passed!|Failed!|^\s+(Passed|Failed|Skipped):|Test Run Aborted|The active test run was aborted" "$RESULTS/$name.log" | head -n 200
  [ -f "$RESULTS/$name.trx" ] || { echo "test: $name produced no results (see $RESULTS/$name.log)"; tail -n 40 "$RESULTS/$name.log"; status=1; }
done

# The benchmarks must keep compiling and running: a dry run of one short job.
if [ "${EFREADCACHE_SKIP_BENCH_SMOKE:-}" != "1" ] && [ -f build/bench.sh ]; then
  echo "test: benchmark smoke run"
  if build/bench.sh --smoke > "$RESULTS/bench-smoke.log" 2>&1; then
    bench_smoke=pass
  else
    bench_smoke=fail; status=1; tail -n 40 "$RESULTS/bench-smoke.log"
  fi
fi

passed=0; failed=0; total=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$((total + $(get total))); passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
skipped=$((total - passed - failed))
if [ "${bench_smoke:-}" = pass ]; then passed=$((passed + 1)); elif [ "${bench_smoke:-}" = fail ]; then failed=$((failed + 1)); fi
[ "$failed" -gt 0 ] && status=1
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
