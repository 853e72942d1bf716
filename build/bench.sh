#!/usr/bin/env bash
# Runs the benchmark suite (tests/EfReadCache.Benchmarks, BenchmarkDotNet) and publishes its results.
#
#   build/bench.sh            the full suite (about 8 minutes on 2 cores): reports under
#                             tests/EfReadCache.Benchmarks/results/ (BenchmarkDotNet CSV/markdown, JSON, summary.md,
#                             chart.svg, machine.json), and the summary table into the marked Performance section of
#                             README.md between <!-- efrc-bench:start/end --> markers.
#   build/bench.sh --smoke    what CI runs (about 1 minute): every benchmark body a few times with its results checked
#                             against uncached SQLite and the cache's hit counts, the other harnesses at a tiny size, one
#                             BenchmarkDotNet dry job, and the report script. Writes nothing into the repository.
#   build/bench.sh [args]     extra arguments go to the benchmark program, e.g. --only queries|invalidation|extras,
#                             or BenchmarkDotNet options such as --filter '*Sqlite*'.
# Starts PostgreSQL and Redis with build/services.sh and uses a dedicated database (efrc_bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PROJECT=tests/EfReadCache.Benchmarks
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=full
if [ "${1:-}" = "--smoke" ]; then mode=smoke; shift; fi

if [ "${EFREADCACHE_SKIP_SERVICES:-}" != "1" ]; then
  eval "$(build/services.sh start)"
fi
export EFREADCACHE_TEST_PG="${EFREADCACHE_TEST_PG:-Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache}"
export EFREADCACHE_TEST_REDIS="${EFREADCACHE_TEST_REDIS:-127.0.0.1:56379,password=efreadcache}"

machine_json() {
  python3 - "$1" "$2" <<'PY'
import json, os, platform, subprocess, sys, datetime
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return ""
path, load_before = sys.argv[1], sys.argv[2]
cpu = sh("lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1") or platform.processor()
mem_kb = int(sh("sed -n 's/^MemTotal:[[:space:]]*\\([0-9]*\\).*/\\1/p' /proc/meminfo") or 0)
info = {
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "cpu": cpu,
    "cores": os.cpu_count(),
    "memory": f"{mem_kb / 1024 / 1024:.0f} GiB",
    "os": sh(". /etc/os-release && echo $PRETTY_NAME") or platform.platform(),
    "dotnet": sh("dotnet --version"),
    "commit": sh("git rev-parse --short HEAD"),
    "load_before": load_before,
    "load_after": open("/proc/loadavg").read().split()[0],
}
json.dump(info, open(path, "w"), indent=2)
PY
}

if [ "$mode" = smoke ]; then
  out=$(mktemp -d /tmp/efrc-bench-smoke.XXXXXX)
  trap 'rm -rf "$out"' EXIT
  dotnet build "$PROJECT" -c Debug -nologo -clp:ErrorsOnly
  dotnet "$PROJECT/bin/Debug/net10.0/EfReadCache.Benchmarks.dll" --smoke --results "$out" "$@"
  machine_json "$out/machine.json" "$(cut -d' ' -f1 /proc/loadavg)"
  python3 "$PROJECT/report.py" --results "$out" > "$out/report.log"
  [ -s "$out/summary.md" ] && grep -q "<svg" "$out/chart.svg"
  echo "bench: smoke run passed"
  exit 0
fi

RESULTS="$ROOT/$PROJECT/results"
mkdir -p "$RESULTS"
load_before=$(cut -d' ' -f1 /proc/loadavg)
dotnet build "$PROJECT" -c Release -nologo -clp:ErrorsOnly
dotnet "$PROJECT/bin/Release/net10.0/EfReadCache.Benchmarks.dll" --results "$RESULTS" "$@"
machine_json "$RESULTS/machine.json" "$load_before"
python3 "$PROJECT/report.py" --results "$RESULTS" --update README.md
echo "bench: results in $PROJECT/results (summary.md, chart.svg)"
