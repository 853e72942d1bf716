#!/usr/bin/env python3
"""Turns the benchmark results into a summary table and an SVG chart.

Reads queries.json, invalidation.json, extras.json and machine.json from the results folder (written by the
benchmark program and build/bench.sh). Writes summary.md and chart.svg there and, when asked, replaces the text
between <!-- efrc-bench:start --> and <!-- efrc-bench:end --> in the given markdown files. The chart is drawn from
the numbers by this code, never by hand.
"""
import argparse
import json
import math
import os
import sys

START, END = "<!-- efrc-bench:start -->", "<!-- efrc-bench:end -->"
SCENARIOS = [
    ("A_PostByKey", "A: one post by key"),
    ("B_BlogPostsInclude", "B: 20 posts + Include(Blog)"),
    ("C_1000Posts", "C: 1000 posts"),
    ("D_Count", "D: Count"),
    ("E_SplitQuery", "E: split query, 2 collections"),
]
SERIES = [  # (method, label, colour)
    ("Sqlite_Uncached", "SQLite uncached", "#9e9e9e"),
    ("Pg_Uncached", "PostgreSQL uncached", "#5c6bc0"),
    ("Sqlite_MemoryHit", "Memory hit (SQLite)", "#2e7d32"),
    ("Sqlite_Floor", "Floor (SQLite)", "#a5d6a7"),
    ("Pg_MemoryHit", "Memory hit (PostgreSQL)", "#ef6c00"),
    ("Pg_Floor", "Floor (PostgreSQL)", "#ffcc80"),
    ("Sqlite_RedisL2Hit", "Redis hit, L1 off (SQLite)", "#c62828"),
    ("Sqlite_RedisL1Hit", "Redis hit via L1 (SQLite)", "#ef9a9a"),
    ("HandRolled", "Hand-rolled IMemoryCache", "#6d4c41"),
]


def load(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def us(ns):
    return None if ns is None else ns / 1000.0


def fmt_us(value):
    if value is None:
        return "n/a"
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def fmt_bytes(value):
    if value is None:
        return "n/a"
    return f"{value / 1024:,.1f} KB" if value >= 1024 else f"{value:,.0f} B"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def fmt_ratio(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}×"


def check(ok):
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def index_queries(rows):
    table = {}
    for row in rows or []:
        if not row.get("success") or row.get("mean_ns") is None:
            continue
        table[(row["parameters"].get("Scenario"), row["method"])] = row
    return table


def build_summary(results):
    machine = load(os.path.join(results, "machine.json"), {})
    queries = index_queries(load(os.path.join(results, "queries.json"), []))
    invalidation = load(os.path.join(results, "invalidation.json"), [])
    extras = load(os.path.join(results, "extras.json"), {})
    lines = []
    targets = []

    lines.append(f"Measured {machine.get('date', 'n/a')} on {machine.get('cpu', 'n/a')} ({machine.get('cores', '?')} cores, "
                 f"{machine.get('memory', '?')} RAM), {machine.get('os', '')}, .NET SDK {machine.get('dotnet', '?')}, "
                 f"commit {machine.get('commit', '?')}. Load average before/after the run: {machine.get('load_before', '?')} / "
                 f"{machine.get('load_after', '?')}.")
    lines.append("")
    lines.append("BenchmarkDotNet 0.14.0, in-process, 2 warmup + 8 measured iterations of 200 ms, `[MemoryDiagnoser]`. "
                 "New `DbContext` per operation, async EF API, no-tracking queries. Times are means in µs; "
                 "allocations are per operation.")
    lines.append("")
    lines.append("| Scenario | SQLite uncached | PostgreSQL uncached | Memory hit (SQLite) | Floor (SQLite) | Hit ÷ floor: time / alloc (SQLite) "
                 "| Memory hit (PG) | Floor (PG) | Hit ÷ floor: time / alloc (PG) | PG uncached ÷ PG hit | Hand-rolled |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, label in SCENARIOS:
        get = lambda m, k="mean_ns": (queries.get((key, m)) or {}).get(k)
        s_hit, s_floor, p_hit, p_floor = get("Sqlite_MemoryHit"), get("Sqlite_Floor"), get("Pg_MemoryHit"), get("Pg_Floor")
        sa_hit, sa_floor = get("Sqlite_MemoryHit", "allocated_bytes"), get("Sqlite_Floor", "allocated_bytes")
        pa_hit, pa_floor = get("Pg_MemoryHit", "allocated_bytes"), get("Pg_Floor", "allocated_bytes")
        speedup = ratio(get("Pg_Uncached"), p_hit)
        cell = lambda m: f"{fmt_us(us(get(m)))} µs<br>{fmt_bytes(get(m, 'allocated_bytes'))}"
        lines.append(
            f"| {label} | {cell('Sqlite_Uncached')} | {cell('Pg_Uncached')} | {cell('Sqlite_MemoryHit')} | {cell('Sqlite_Floor')} "
            f"| {fmt_ratio(ratio(s_hit, s_floor))} / {fmt_ratio(ratio(sa_hit, sa_floor))} | {cell('Pg_MemoryHit')} | {cell('Pg_Floor')} "
            f"| {fmt_ratio(ratio(p_hit, p_floor))} / {fmt_ratio(ratio(pa_hit, pa_floor))} | {fmt_ratio(speedup, 1)} | {cell('HandRolled')} |")
        for name, value in [("time", ratio(s_hit, s_floor)), ("alloc", ratio(sa_hit, sa_floor)),
                            ("time", ratio(p_hit, p_floor)), ("alloc", ratio(pa_hit, pa_floor))]:
            targets.append(("floor", key, name, value))
        if key in ("B_BlogPostsInclude", "E_SplitQuery"):
            targets.append(("pg5x", key, "speedup", speedup))
    lines.append("")
    paired = [(key, label) for key, label in SCENARIOS if f"paired.{key[0]}.sqlite-hit.cpu_us" in extras]
    if paired:
        lines.append("Paired measurement of the same comparisons: the variants run interleaved in one process, in rounds of about 100 ms, "
                     "and each variant's best of 9 rounds counts. Hit and floor are compared in thread CPU time (both stay in-process), "
                     "PostgreSQL uncached and hit in wall time. On a shared, loaded machine this is far steadier than wall-clock "
                     "benchmarks run minutes apart.")
        lines.append("")
        lines.append("| Scenario | SQLite floor | SQLite hit | Hit ÷ floor: CPU / alloc | PG floor | PG hit | Hit ÷ floor: CPU / alloc "
                     "| PG uncached (wall) | PG hit (wall) | Uncached ÷ hit | Uncached ÷ floor (the most any command-level cache can gain) |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for key, label in paired:
            e = lambda k: extras.get(f"paired.{key[0]}.{k}")
            lines.append(
                f"| {label} | {e('sqlite-floor.cpu_us'):,.1f} µs | {e('sqlite-hit.cpu_us'):,.1f} µs "
                f"| {fmt_ratio(e('sqlite_hit_vs_floor.cpu'))} / {fmt_ratio(e('sqlite_hit_vs_floor.alloc'))} "
                f"| {e('pg-floor.cpu_us'):,.1f} µs | {e('pg-hit.cpu_us'):,.1f} µs "
                f"| {fmt_ratio(e('pg_hit_vs_floor.cpu'))} / {fmt_ratio(e('pg_hit_vs_floor.alloc'))} "
                f"| {e('pg-uncached.wall_us'):,.1f} µs | {e('pg-hit.wall_us'):,.1f} µs | {fmt_ratio(e('pg_uncached_vs_hit.wall'), 1)} "
                f"| {fmt_ratio(e('pg_uncached_vs_floor.wall'), 1)} |")
            for k in ("sqlite_hit_vs_floor.cpu", "sqlite_hit_vs_floor.alloc", "pg_hit_vs_floor.cpu", "pg_hit_vs_floor.alloc"):
                targets.append(("paired-floor", key, k, e(k)))
            if key in ("B_BlogPostsInclude", "E_SplitQuery"):
                targets.append(("paired-pg5x", key, "speedup", e("pg_uncached_vs_hit.wall")))
        lines.append("")

    redis_rows = [(key, label) for key, label in SCENARIOS if (key, "Sqlite_RedisL2Hit") in queries]
    if redis_rows:
        lines.append("Redis (loopback, SQLite model): a hit with the L1 off reads the entry and the tokens from Redis (L2); with the L1 on, "
                     "an L1 hit is confirmed against Redis's tokens on every hit (the default) or kept coherent by pub/sub alone.")
        lines.append("")
        lines.append("| Scenario | Redis hit, L1 off | Redis hit via L1 (validated every hit) | Redis hit via L1 (pub/sub) | Floor (SQLite) | L2 hit ÷ floor |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for key, label in redis_rows:
            get = lambda m, k="mean_ns": (queries.get((key, m)) or {}).get(k)
            cell = lambda m: f"{fmt_us(us(get(m)))} µs<br>{fmt_bytes(get(m, 'allocated_bytes'))}"
            lines.append(f"| {label} | {cell('Sqlite_RedisL2Hit')} | {cell('Sqlite_RedisL1Hit')} | {cell('Sqlite_RedisL1PubSubHit')} "
                         f"| {cell('Sqlite_Floor')} | {fmt_ratio(ratio(get('Sqlite_RedisL2Hit'), get('Sqlite_Floor')))} |")
    else:
        lines.append("Redis variants: not measured in this run.")
    lines.append("")

    # Invalidation
    inv = {int(r["parameters"]["Entries"]): r for r in invalidation if r.get("success") and r.get("mean_ns") is not None}
    if inv:
        means = [inv[n]["mean_ns"] for n in sorted(inv)]
        spread = max(means) / min(means)
        targets.append(("invalidation", "", "spread", spread))
        lines.append("| Entries cached | Invalidate one table | Allocated |")
        lines.append("|---:|---:|---:|")
        for n in sorted(inv):
            lines.append(f"| {n:,} | {fmt_us(us(inv[n]['mean_ns']))} µs | {fmt_bytes(inv[n]['allocated_bytes'])} |")
        lines.append(f"\nSlowest ÷ fastest (BenchmarkDotNet, wall clock): {spread:.2f}×.")
        lines.append("")
    if "paired.invalidation.spread" in extras:
        sizes = sorted(int(k.split(".")[2]) for k in extras if k.startswith("paired.invalidation.") and k.endswith(".cpu_us"))
        cells = ", ".join(f"{n:,}: {extras[f'paired.invalidation.{n}.cpu_us']:.2f} µs" for n in sizes)
        lines.append(f"Paired (interleaved, thread CPU time, best of 9 rounds): {cells}; slowest ÷ fastest "
                     f"{extras['paired.invalidation.spread']:.2f}×.")
        targets.append(("paired-invalidation", "", "spread", extras["paired.invalidation.spread"]))
        lines.append("")

    # Contention
    if "contention.ops_per_s.1" in extras:
        rows = [("contention", "Memory hit, SQLite"), ("contention.floor", "Floor, SQLite"),
                ("contention.pg_hit", "Memory hit, PostgreSQL"), ("contention.pg_floor", "Floor, PostgreSQL"),
                ("contention.control", "Control: pure computation, no shared state")]
        lines.append("| Threads on one entry (scenario A, sync API) | 1 thread | 2 threads | 8 threads | 2 ÷ 1 (target ≥ 1.7×) | 8 ÷ 2 (target ≥ 1.0×) |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for prefix, label in rows:
            if f"{prefix}.ops_per_s.1" not in extras:
                continue
            r21, r82 = extras[f"{prefix}.ratio_2_vs_1"], extras[f"{prefix}.ratio_8_vs_2"]
            hit = prefix in ("contention", "contention.pg_hit")
            lines.append(f"| {label} | {extras[f'{prefix}.ops_per_s.1']:,.0f}/s | {extras[f'{prefix}.ops_per_s.2']:,.0f}/s "
                         f"| {extras[f'{prefix}.ops_per_s.8']:,.0f}/s | {r21:.2f}×{': ' + check(r21 >= 1.7) if hit else ''} "
                         f"| {r82:.2f}×{': ' + check(r82 >= 1.0) if hit else ''} |")
            if hit:
                targets.append(("contention2", label, "ratio", r21))
                targets.append(("contention8", label, "ratio", r82))
        lines.append("")
        lines.append(f"Load average {extras.get('contention.load_average', '?')} on {extras.get('contention.processors', '?')} cores while it ran. "
                     "The floor rows are EF without the cache; the control row is the most any code could scale at that moment.")
        lines.append("")

    # Memory
    if any(k.startswith("memory.") for k in extras):
        lines.append("| Entries of scenario | Payload (measured by the store) | Accounted per entry | Really retained per entry | Retained ÷ accounted |")
        lines.append("|---|---:|---:|---:|---:|")
        for name in ("A", "B", "E"):
            if f"memory.{name}.entries" in extras:
                lines.append(f"| {name} ({extras[f'memory.{name}.entries']} entries) | {fmt_bytes(extras[f'memory.{name}.payload_bytes_per_entry'])} "
                             f"| {fmt_bytes(extras[f'memory.{name}.accounted_bytes_per_entry'])} | {fmt_bytes(extras[f'memory.{name}.retained_bytes_per_entry'])} "
                             f"| {extras[f'memory.{name}.retained_vs_accounted']:.2f}× |")
        if "maxbytes.cap" in extras:
            rc = extras["maxbytes.retained_vs_cap"]
            targets.append(("maxbytes", "", "ratio", rc))
            lines.append("")
            lines.append(f"MaxBytes = {fmt_bytes(extras['maxbytes.cap'])}, filled twice over with A and B results: the store accounts "
                         f"{fmt_bytes(extras['maxbytes.accounted'])} ({extras['maxbytes.accounted_vs_cap']:.3f}× the cap) in "
                         f"{extras['maxbytes.entries']} entries after {extras['maxbytes.evictions']} evictions; the managed heap really retains "
                         f"{fmt_bytes(extras['maxbytes.retained'])} ({rc:.3f}× the cap; target within 10%: {check(abs(rc - 1) <= 0.10 or rc <= 1.10)}).")
        lines.append("")

    # Migrator
    for provider, name in (("sqlite", "SQLite"), ("pg", "PostgreSQL")):
        p = f"migrator.{provider}."
        if p + "converged.plan_ms" in extras:
            if provider == "sqlite":
                lines.append("| Migrator, 50-table model | Plan: time / statements | Apply: time / statements |")
                lines.append("|---|---:|---:|")
            lines.append(f"| {name}, empty database ({extras[p + 'empty.operations']} operations) | {extras[p + 'empty.plan_ms']:,.0f} ms / {extras[p + 'empty.plan_queries']} "
                         f"| {extras[p + 'empty.apply_ms']:,.0f} ms / {extras[p + 'empty.apply_queries']} |")
            lines.append(f"| {name}, converged (nothing to do) | {extras[p + 'converged.plan_ms']:,.0f} ms / {extras[p + 'converged.plan_queries']} "
                         f"| {extras[p + 'converged.apply_ms']:,.0f} ms / {extras[p + 'converged.apply_queries']} |")
    if "migrator.sqlite.converged.plan_ms" in extras:
        lines.append("")
        lines.append("Statements: PostgreSQL counts every command Npgsql sent (including the scratch schema of the desired side); "
                     "SQLite counts the statements run on the live connection (the desired side runs in a private in-memory database).")
        lines.append("")

    # Targets
    values_of = lambda kind: [v for k, _, _, v in targets if k == kind and v is not None]
    lines.append("| Target | Paired measurement | BenchmarkDotNet (wall clock) |")
    lines.append("|---|---|---|")
    pf, bf = values_of("paired-floor"), values_of("floor")
    if pf or bf:
        lines.append(f"| Memory hit ≤ 1.15 × floor, time and allocations, every scenario "
                     f"| {'worst %.2f×: %s' % (max(pf), check(max(pf) <= 1.15)) if pf else 'n/a'} "
                     f"| {'worst %.2f×: %s' % (max(bf), check(max(bf) <= 1.15)) if bf else 'n/a'} |")
    p5, b5 = values_of("paired-pg5x"), values_of("pg5x")
    if p5 or b5:
        lines.append(f"| PostgreSQL: memory hit ≥ 5 × faster than uncached in B and E "
                     f"| {', '.join(f'{v:.1f}×' for v in p5) + ': ' + check(min(p5) >= 5) if p5 else 'n/a'} "
                     f"| {', '.join(f'{v:.1f}×' for v in b5) + ': ' + check(min(b5) >= 5) if b5 else 'n/a'} |")
    pi, bi = values_of("paired-invalidation"), values_of("invalidation")
    if pi or bi:
        lines.append(f"| Invalidation at 10^3 / 10^5 / 10^6 entries differs ≤ 1.5× "
                     f"| {'%.2f×: %s' % (pi[0], check(pi[0] <= 1.5)) if pi else 'n/a'} "
                     f"| {'%.2f×: %s' % (bi[0], check(bi[0] <= 1.5)) if bi else 'n/a'} |")
    for kind, text, goal in (
                             ("contention2", "2 threads ≥ 1.7 × one thread", lambda v: v >= 1.7),
                             ("contention8", "8 threads ≥ 2 threads", lambda v: v >= 1.0),
                             ("maxbytes", "MaxBytes honored within 10% (real retained memory)", lambda v: v <= 1.10)):
        found = [(label, v) for k, label, _, v in targets if k == kind and v is not None]
        if found:
            cell = "; ".join(f"{label + ' ' if label else ''}{v:.2f}×: {check(goal(v))}" for label, v in found)
            lines.append(f"| {text} | {cell} | |")
    lines.append("")
    lines.append("![Hit versus uncached versus floor](tests/EfReadCache.Benchmarks/results/chart.svg)")
    return "\n".join(lines) + "\n", queries


def chart(queries, path):
    width, height = 1000, 470
    left, right, top, bottom = 70, 20, 40, 110
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [r["mean_ns"] / 1000 for r in queries.values()]
    if not values:
        values = [1]
    lo = 10 ** math.floor(math.log10(max(min(values), 0.1)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    if hi <= lo:
        hi = lo * 10
    y = lambda v: top + plot_h - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * plot_h
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
           'Mean time per operation (µs, log scale): uncached vs cache hit vs floor</text>']
    decade = lo
    while decade <= hi * 1.0001:
        yy = y(decade)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{decade:g}</text>')
        decade *= 10
    group_w = plot_w / len(SCENARIOS)
    bar_w = (group_w - 16) / len(SERIES)
    for gi, (key, label) in enumerate(SCENARIOS):
        gx = left + gi * group_w + 8
        out.append(f'<text x="{gx + (group_w - 16) / 2:.1f}" y="{top + plot_h + 18}" text-anchor="middle">{label}</text>')
        for si, (method, _, colour) in enumerate(SERIES):
            row = queries.get((key, method))
            if not row:
                continue
            v = max(row["mean_ns"] / 1000, lo)
            x, yy = gx + si * bar_w, y(v)
            out.append(f'<rect x="{x:.1f}" y="{yy:.1f}" width="{bar_w - 1:.1f}" height="{top + plot_h - yy:.1f}" fill="{colour}">'
                       f'<title>{label} / {method}: {v:,.1f} µs</title></rect>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="black"/>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="black"/>')
    lx, ly = left, height - 60
    for si, (_, name, colour) in enumerate(SERIES):
        col, row = si % 5, si // 5
        out.append(f'<rect x="{lx + col * 180}" y="{ly + row * 22}" width="14" height="14" fill="{colour}"/>')
        out.append(f'<text x="{lx + col * 180 + 20}" y="{ly + row * 22 + 12}">{name}</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def replace_between_markers(path, text):
    if not os.path.exists(path):
        print(f"report: {path} does not exist; skipped")
        return
    with open(path, encoding="utf-8") as f:
        content = f.read()
    # Only markers on a line of their own count: prose may quote them.
    lines = content.split("\n")
    starts = [i for i, line in enumerate(lines) if line.strip() == START]
    ends = [i for i, line in enumerate(lines) if line.strip() == END]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        print(f"report: {path} needs exactly one {START} line and one {END} line after it; skipped")
        return
    updated = lines[:starts[0] + 1] + text.rstrip("\n").split("\n") + lines[ends[0]:]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(updated))
    print(f"report: updated {path}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--update", nargs="*", default=[], help="markdown files whose marked section receives the summary")
    args = parser.parse_args()
    summary, queries = build_summary(args.results)
    with open(os.path.join(args.results, "summary.md"), "w", encoding="utf-8") as f:
        f.write(summary)
    chart(queries, os.path.join(args.results, "chart.svg"))
    for path in args.update:
        replace_between_markers(path, summary)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
