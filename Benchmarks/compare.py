#!/usr/bin/env python3
"""Accord and CLIPS side by side on the issue 8 workloads (`make bench`).

Generates the instances with Benchmarks/workloads/gen_accord.py into a scratch
directory (default .bench/ in the checkout), runs both engines on every
instance interleaved (CLIPS, Accord, CLIPS, Accord, ...), takes medians of the
wall time and of the peak RSS of the whole process, checks that both engines
give the same result (Benchmarks/workloads/verify.py and the reference
evaluator there), and prints the ratios Accord/CLIPS and the issue's targets.

  python3 Benchmarks/compare.py                 # the full set, 3 repetitions
  python3 Benchmarks/compare.py --quick         # small instances, 1 repetition
  python3 Benchmarks/compare.py --only manners,tc --reps 5
  python3 Benchmarks/compare.py --smoke         # tiny instances, Accord only, results only

What is timed: the whole process, as a user runs it.  CLIPS: `clips -f2
NAME.run.clp < exit.in` (load, reset, run, read the result); Accord: `accord run
NAME.accord --format json`.  Wall time is taken in this script around the
process (time.perf_counter, so ms resolution); peak RSS is /usr/bin/time's %M
(maximum resident set size, KiB).  Standard library only.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "workloads"))
import gen  # noqa: E402
import gen_accord  # noqa: E402
import verify  # noqa: E402

FULL = {"manners": [64, 128, 256], "tc": [(200, 400), (500, 1000), (1000, 2000)], "policy": ["1k", "10k", "100k"]}
QUICK = {"manners": [16, 64], "tc": [(200, 400)], "policy": ["1k", "10k"]}
SMOKE = {"manners": [16], "tc": [(50, 100)], "policy": ["1k"]}
SMOKE_SWEEP_STEP = 50         # the smoke's sweep: 0..999 step 50, 20 points across the threshold
TIME_BIN = "/usr/bin/time"
TIMEOUT = 900

STRICT = False                # --smoke: a timeout is a failure (nothing was checked)
FAILURES = []                 # (instance, message): result mismatches, printed loudly


def log(msg):
    print(msg, flush=True)


def fail(instance, msg):
    FAILURES.append((instance, msg))
    log("!!! MISMATCH %s: %s" % (instance, msg))


# ----------------------------------------------------------------------------
# running a process
# ----------------------------------------------------------------------------
class Run:
    def __init__(self, wall, rss_kib, rc, out, err, timed_out=False):
        self.wall, self.rss_kib, self.rc, self.out, self.err = wall, rss_kib, rc, out, err
        self.timed_out = timed_out


def timed(cmd, cwd, stdin_path=None):
    """Runs cmd under /usr/bin/time; wall time (s) measured here, peak RSS (KiB) from %M."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    stdin = open(stdin_path) if stdin_path else subprocess.DEVNULL
    wrap = [TIME_BIN, "-f", "%e %M", "-o", tpath] if os.path.exists(TIME_BIN) else []   # the smoke may lack it
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(wrap + cmd, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = p.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)      # the engine too, not only /usr/bin/time
            p.communicate()
            log("   timed out after %d s: %s" % (TIMEOUT, " ".join(cmd)))
            return Run(float(TIMEOUT), None, None, "", "timed out", timed_out=True)
        wall = time.perf_counter() - t0
        rss = 0
        for line in open(tpath).read().splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                rss = int(parts[1])
        return Run(wall, rss, p.returncode, out.decode(errors="replace"), err.decode(errors="replace"))
    finally:
        if stdin_path:
            stdin.close()
        os.unlink(tpath)


def interleave(reps, jobs):
    """jobs: list of (label, thunk). Runs them round-robin reps times: A B A B ..."""
    results = {label: [] for label, _ in jobs}
    for _ in range(reps):
        for label, thunk in jobs:
            if results[label] and results[label][-1].timed_out:
                continue          # one timeout is enough: the time is a lower bound
            results[label].append(thunk())
    return results


def walls(runs):
    return med([r.wall for r in runs])


def rss_mib(runs):
    xs = [r.rss_kib for r in runs if r.rss_kib is not None]
    return med(xs) / 1024 if xs else None


def timed_out(runs):
    return any(r.timed_out for r in runs)


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def bench_values(text):
    return verify.bench_values(text)


# ----------------------------------------------------------------------------
# setup
# ----------------------------------------------------------------------------
def ensure_tools(need_clips):
    missing = []
    if need_clips and shutil.which("clips") is None:
        missing.append("clips")
    if not os.path.exists(TIME_BIN):
        missing.append("time")
    if missing:
        log("installing %s with apt-get" % " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + missing, check=True, env=env,
                       stdout=subprocess.DEVNULL)


def generate(sets, out):
    os.makedirs(out, exist_ok=True)
    args = ["--out", out]
    if sets.get("manners"):
        args += ["--manners", ",".join(str(n) for n in sets["manners"])]
    if sets.get("tc"):
        args += ["--tc", ",".join("%d:%d" % ve for ve in sets["tc"])]
    if sets.get("policy"):
        args += ["--policy", ",".join(sets["policy"])]
    t0 = time.perf_counter()
    rc = gen_accord.main(args)
    if rc:
        raise SystemExit("generator failed")
    log("generated in %.1f s into %s" % (time.perf_counter() - t0, out))
    return open(os.path.join(out, "INDEX")).read().split()


def meta_of(out, name):
    return json.load(open(os.path.join(out, name + ".meta.json")))


# ----------------------------------------------------------------------------
# checks
# ----------------------------------------------------------------------------
def accord_json(run):
    try:
        return json.loads(run.out)
    except ValueError:
        return None


def check_manners(meta, name, text, who):
    ok, msg = verify.verify_manners(meta, text)
    if not ok:
        fail(name, "%s: %s" % (who, msg))
    return ok, msg


def check_tc(meta, name, text, who):
    ok, msg = verify.verify_tc(meta, text)
    if not ok:
        fail(name, "%s: %s" % (who, msg))
    return ok, msg


def accord_tc_text(meta, run):
    doc = accord_json(run)
    if doc is None:
        return ""
    return "BENCH reach %d\n" % (doc["stats"]["facts"] - meta["E"])


def accord_recs(doc):
    recs = set()
    for r in doc["recommendations"]:
        det = r["details"]
        recs.add((gen_accord.RULE_ACTION.get(r["rule"], r["rule"]), int(r["subject"]),
                  int(det["partner"]), det["sector"]))
    return recs


def clips_recs(text):
    recs = set()
    for line in text.splitlines():
        if line.startswith("REC "):
            _, a, r, p, s = line.split()
            recs.add((a, int(r), int(p), s))
    return recs


def reference_recs(meta):
    d = gen.policy_data(meta["K"], meta["P"], meta["A"], meta["seed"], meta["whatifs"])
    return verify.PolicyState(d).recommendations()


# ----------------------------------------------------------------------------
# workloads
# ----------------------------------------------------------------------------
def row(instance, what, a_runs, c_runs, note=""):
    a_t = walls(a_runs) if a_runs else None
    c_t = walls(c_runs) if c_runs else None
    return {"instance": instance, "what": what, "accord_s": a_t, "accord_mib": rss_mib(a_runs),
            "clips_s": c_t, "clips_mib": rss_mib(c_runs), "note": note,
            "accord_timeout": timed_out(a_runs), "clips_timeout": timed_out(c_runs)}


def run_batch(out, name, meta, reps, accord, clips):
    """Manners and TC: one process per engine, interleaved."""
    jobs = []
    if clips:
        jobs.append(("clips", lambda: timed(["clips", "-f2", name + ".run.clp"], out, os.path.join(out, "exit.in"))))
    jobs.append(("accord", lambda: timed([accord, "run", name + ".accord", "--format", "json"], out)))
    res = interleave(reps, jobs)
    w = meta["workload"]
    notes = []
    for who, runs in res.items():
        for r in runs:
            if who == "accord" and not r.timed_out and r.rc != 0:
                fail(name, "accord exited %d: %s" % (r.rc, r.err[-300:]))
        last = runs[-1]
        if last.timed_out:
            notes.append("%s timed out (> %d s), not checked" % (who, TIMEOUT))
            if STRICT:
                fail(name, "%s timed out, so its result was not checked" % who)
            continue
        if w == "manners":
            text = last.out + "\n" + last.err
            ok, msg = check_manners(meta, name, text, who)
        else:
            text = last.out if who == "clips" else accord_tc_text(meta, last)
            ok, msg = check_tc(meta, name, text, who)
        notes.append("%s %s" % (who, "ok" if ok else "FAIL"))
    if w == "tc" and clips and not (timed_out(res["clips"]) or timed_out(res["accord"])):
        c = bench_values(res["clips"][-1].out).get("reach", ["?"])[0]
        a = accord_tc_text(meta, res["accord"][-1]).split()[-1:] or ["?"]
        if str(c) != str(a[0]):
            fail(name, "reach facts differ: CLIPS %s, Accord %s" % (c, a[0]))
        notes.append("reach %s" % a[0])
    return [row(name, "run (process)", res["accord"], res.get("clips", []), ", ".join(notes))]


def run_policy(out, name, meta, reps, accord, accord_bench, clips, whatif_changes, sweep_step=None):
    rows = []
    exit_in = os.path.join(out, "exit.in")
    sw = meta["sweep"]
    ref = reference_recs(meta)
    # 1. load + first evaluation, the whole process
    jobs = []
    if clips:
        jobs.append(("clips", lambda: timed(["clips", "-f2", meta["clips_eval"]], out, exit_in)))
    jobs.append(("accord", lambda: timed([accord, "run", name + ".accord", "--format", "json"], out)))
    res = interleave(reps, jobs)
    doc = accord_json(res["accord"][-1])
    notes = []
    if res["accord"][-1].timed_out:
        notes.append("accord timed out, not checked")
        if STRICT:
            fail(name, "accord run timed out")
    elif doc is None or res["accord"][-1].rc != 0:
        fail(name, "accord run gave no JSON (exit %s): %s" % (res["accord"][-1].rc, res["accord"][-1].err[-300:]))
    else:
        a = accord_recs(doc)
        if a != ref:
            fail(name, "Accord's %d recommendations differ from the reference's %d (%d missing, %d extra)"
                 % (len(a), len(ref), len(ref - a), len(a - ref)))
        else:
            notes.append("accord %d recs ok" % len(a))
    if clips:
        c = clips_recs(res["clips"][-1].out)
        if c != ref:
            fail(name, "CLIPS's %d recommendations differ from the reference's %d" % (len(c), len(ref)))
        else:
            notes.append("clips %d recs ok" % len(c))
    rows.append(row(name, "load + first eval (process)", res["accord"], res.get("clips", []), ", ".join(notes)))

    # 2. sweep of one trade's volume: full and 2-point runs, per point = difference
    step = sweep_step or sw["step"]

    def accord_sweep(to):
        return timed([accord, "sweep", name + ".accord", "--vary", sw["vary"], "--from", str(sw["from"]),
                      "--to", str(to), "--step", str(step), "--format", "json"], out)
    jobs = []
    if clips:
        jobs.append(("clips", lambda: timed(["clips", "-f2", meta["clips_sweep"][0]], out, exit_in)))
        jobs.append(("clips2", lambda: timed(["clips", "-f2", meta["clips_sweep"][1]], out, exit_in)))
    jobs.append(("accord", lambda: accord_sweep(sw["to"])))
    jobs.append(("accord2", lambda: accord_sweep(sw["short_to"])))
    res = interleave(reps, jobs)
    npts = len(range(sw["from"], sw["to"] + 1, step))
    nshort = len(range(sw["from"], sw["short_to"] + 1, step))

    def expected(v):
        return sw["count_above"] if v >= sw["tipping"][0] else sw["count_below"]
    notes = []
    sdoc = accord_json(res["accord"][-1])
    if res["accord"][-1].timed_out:
        notes.append("accord timed out, not checked")
    elif sdoc is None:
        fail(name, "accord sweep gave no JSON: %s" % res["accord"][-1].err[-300:])
    else:
        bad = [p for p in sdoc["points"] if p["recommendations"] != expected(p["value"])]
        if len(sdoc["points"]) != npts or bad:
            fail(name, "accord sweep: %d points, %d with a wrong count" % (len(sdoc["points"]), len(bad)))
        else:
            notes.append("accord %d points ok" % npts)
    if clips:
        pts = [l.split() for l in res["clips"][-1].out.splitlines() if l.startswith("PT ")]
        bad = [p for p in pts if int(p[2]) != expected(float(p[1]))]
        if len(pts) != npts or bad:
            fail(name, "CLIPS sweep: %d points, %d with a wrong count" % (len(pts), len(bad)))
        else:
            notes.append("clips %d points ok" % npts)

    def per_point(full, short):
        return (med([r.wall for r in full]) - med([r.wall for r in short])) / max(1, npts - nshort)
    r = {"instance": name, "what": "sweep, per point (process difference)",
         "accord_s": per_point(res["accord"], res["accord2"]), "accord_mib": med([x.rss_kib for x in res["accord"]]) / 1024,
         "clips_s": per_point(res["clips"], res["clips2"]) if clips else None,
         "clips_mib": med([x.rss_kib for x in res["clips"]]) / 1024 if clips else None,
         "note": ", ".join(notes), "unit": "us"}
    rows.append(r)

    # 3. single-fact what-ifs: accord-bench whatif vs the in-CLIPS loop (NAME.run.clp)
    jobs = []
    if clips:
        jobs.append(("clips", lambda: timed(["clips", "-f2", name + ".run.clp"], out, exit_in)))
    if accord_bench:
        jobs.append(("accord", lambda: timed([accord_bench, "whatif", name + ".accord", "--changes", str(whatif_changes),
                                              "--seed", "1", "--checkpoints", "0"], out)))
    wres = interleave(1, jobs)     # one long loop each; the p50 is over the what-ifs in it
    a_p50 = c_run = c_all = None
    notes = []
    if accord_bench:
        b = bench_values(wres["accord"][0].out)
        a_p50 = float(b["whatif_p50_us"][0]) if "whatif_p50_us" in b else None
        failed = b.get("checks_failed", ["?"])[0]
        if wres["accord"][0].rc != 0 or failed != "0":
            fail(name, "accord-bench whatif: exit %s, checks_failed %s" % (wres["accord"][0].rc, failed))
        else:
            notes.append("accord checks ok")
    if clips:
        text = wres["clips"][0].out
        ok, msg = verify.verify_policy(meta, text)
        if not ok:
            fail(name, "CLIPS what-if loop: " + msg)
        else:
            notes.append("clips verified")
        runs, alls = [], []
        for l in text.splitlines():
            if l.startswith("WI "):
                p = l.split()
                runs.append(float(p[2]))
                alls.append(float(p[2]) + float(p[3]))
        c_run, c_all = med(runs) * 1e6, med(alls) * 1e6
    rows.append({"instance": name, "what": "what-if p50", "accord_s": a_p50,
                 "accord_mib": None, "clips_s": c_all, "clips_mib": None, "unit": "raw",
                 "note": ", ".join(notes) + ("; CLIPS propagate only %.0f us" % c_run if c_run is not None else "")})
    return rows


def run_rules(reps, accord):
    runs = [timed([accord, "run", "Rules"], ROOT) for _ in range(max(reps, 5))]
    if any(r.rc != 0 for r in runs):
        fail("Rules", "accord run Rules exited %d" % runs[-1].rc)
    return {"instance": "Rules", "what": "accord run Rules (process)", "accord_s": med([r.wall for r in runs]),
            "accord_mib": med([r.rss_kib for r in runs]) / 1024, "clips_s": None, "clips_mib": None, "note": ""}


# ----------------------------------------------------------------------------
# report
# ----------------------------------------------------------------------------
def fmt_t(s, unit=None):
    if s is None:
        return "–"
    if unit == "raw":
        return "%.1f µs" % s
    if unit == "us":
        return "%.0f µs" % (s * 1e6)
    return "%.0f ms" % (s * 1e3) if s < 10 else "%.2f s" % s


def fmt_m(m):
    return "–" if m is None else "%.0f MB" % (m * 1.048576)


def ratio(a, c):
    if a is None or c is None or c == 0:
        return None
    return a / c


def fmt_r(x):
    return "–" if x is None else "%.2f" % x


def table(rows):
    lines = ["| instance | measure | Accord time | CLIPS time | time ratio | Accord peak RSS | CLIPS peak RSS | RSS ratio | checks |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        u = r.get("unit")
        gt_a = "> " if r.get("accord_timeout") else ""
        gt_c = "> " if r.get("clips_timeout") else ""
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["instance"], r["what"], gt_a + fmt_t(r["accord_s"], u), gt_c + fmt_t(r["clips_s"], u),
            gt_a + fmt_r(ratio(r["accord_s"], r["clips_s"])), fmt_m(r["accord_mib"]), fmt_m(r["clips_mib"]),
            fmt_r(ratio(r["accord_mib"], r["clips_mib"])), r["note"]))
    return "\n".join(lines)


def targets(rows):
    def find(inst, what_prefix):
        for r in rows:
            if r["instance"] == inst and r["what"].startswith(what_prefix):
                return r
        return None
    out = []

    def add(label, value, limit, unit="", lower_bound=False):
        if value is None:
            out.append("| %s | ≤ %s%s | not measured | – |" % (label, limit, unit))
        else:
            ok = value <= limit and not lower_bound
            gt = "> " if lower_bound else ""
            out.append("| %s | ≤ %s%s | %s%.2f%s | %s |" % (label, limit, unit, gt, value, unit,
                                                     "PASS" if ok else "FAIL (%s%.1f× the target)" % (gt, value / limit)))
    for n in (128, 256):
        r = find("manners_%d" % n, "run")
        add("Manners %d time ratio" % n, r and ratio(r["accord_s"], r["clips_s"]), 0.5,
            lower_bound=bool(r and r.get("accord_timeout")))
    r = find("tc_v1000_e2000", "run")
    add("TC V=1000 time ratio", r and ratio(r["accord_s"], r["clips_s"]), 0.5)
    add("TC V=1000 peak RSS ratio", r and ratio(r["accord_mib"], r["clips_mib"]), 0.5)
    r = find("policy_100k", "load")
    add("policy 100k load + first eval time ratio", r and ratio(r["accord_s"], r["clips_s"]), 0.5)
    r = find("policy_100k", "what-if")
    add("policy 100k what-if p50 (Accord)", r and r["accord_s"], 50, " µs")
    r = find("Rules", "accord run Rules")
    add("`accord run Rules`, whole process", r and r["accord_s"] * 1e3, 30, " ms")
    return "\n".join(["| target | goal | measured | result |", "| --- | --- | ---: | --- |"] + out)


# ----------------------------------------------------------------------------
def find_binary(name, given):
    if given:
        return os.path.abspath(given)
    for d in (".build/release",):
        p = os.path.join(ROOT, d, name)
        if os.path.exists(p):
            return p
    return None


def main(argv=None):
    global TIMEOUT, STRICT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small instances, 1 repetition")
    ap.add_argument("--smoke", action="store_true", help="tiny instances, Accord only; checks results, not speed")
    ap.add_argument("--only", help="comma list of workloads (manners,tc,policy,rules) or instance names")
    ap.add_argument("--skip", default="", help="comma list of instance names to leave out (e.g. manners_256)")
    ap.add_argument("--reps", type=int, help="repetitions per engine (default 3; 1 with --quick/--smoke)")
    ap.add_argument("--no-clips", action="store_true", help="Accord only")
    ap.add_argument("--out", default=os.path.join(ROOT, ".bench"), help="scratch directory (default .bench/)")
    ap.add_argument("--accord", help="the accord binary (default: a release build in the checkout)")
    ap.add_argument("--accord-bench", help="the accord-bench binary")
    ap.add_argument("--whatifs", type=int, default=1000, help="single-fact what-ifs per policy instance")
    ap.add_argument("--markdown", help="also write the tables to this file")
    ap.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds per process (default %d); "
                    "a process that takes longer is stopped and its time shown as a lower bound" % TIMEOUT)
    args = ap.parse_args(argv)
    TIMEOUT = args.timeout
    STRICT = args.smoke

    sets = SMOKE if args.smoke else QUICK if args.quick else FULL
    sets = {k: list(v) for k, v in sets.items()}
    reps = args.reps or (1 if (args.quick or args.smoke) else 3)
    clips = not (args.no_clips or args.smoke)
    only = set(args.only.split(",")) if args.only else None
    skip = set(s for s in args.skip.split(",") if s)
    want_rules = not args.smoke and (only is None or "rules" in only)
    if only is not None:
        for w in list(sets):
            if w not in only:
                naming = {"manners": lambda n: "manners_%d" % n, "tc": lambda ve: "tc_v%d_e%d" % tuple(ve),
                          "policy": lambda p: "policy_%s" % p}[w]
                names = [naming(x) for x in sets[w]]
                sets[w] = [x for x, nm in zip(sets[w], names) if nm in only]
    if not args.smoke:
        ensure_tools(clips)
    accord = find_binary("accord", args.accord)
    accord_bench = find_binary("accord-bench", args.accord_bench)
    if accord is None:
        raise SystemExit("no release accord binary: build with `swift build -c release --product accord`")
    out = os.path.abspath(args.out if not args.smoke else os.path.join(args.out, "smoke"))
    log("accord: %s\naccord-bench: %s\nCLIPS: %s\nrepetitions: %d, interleaved, medians" % (
        accord, accord_bench, shutil.which("clips") if clips else "not used", reps))
    names = generate(sets, out) if any(sets.values()) else []
    rows = []
    t0 = time.perf_counter()
    for name in names:
        if name in skip:
            log("skipping %s" % name)
            continue
        meta = meta_of(out, name)
        log("== %s" % name)
        if meta["workload"] == "policy":
            new = run_policy(out, name, meta, reps, accord, accord_bench, clips,
                             100 if args.smoke else args.whatifs, SMOKE_SWEEP_STEP if args.smoke else None)
        else:
            new = run_batch(out, name, meta, reps, accord, clips)
        for r in new:
            log("   %-40s Accord %s / %s   CLIPS %s / %s   %s" % (
                r["what"], fmt_t(r["accord_s"], r.get("unit")), fmt_m(r["accord_mib"]),
                fmt_t(r["clips_s"], r.get("unit")), fmt_m(r["clips_mib"]), r["note"]))
        rows += new
    if want_rules:
        rows.append(run_rules(reps, accord))
    log("\nfinished in %.0f s\n" % (time.perf_counter() - t0))
    text = table(rows)
    if not args.smoke:
        text += "\n\n" + targets(rows)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if FAILURES:
        print("\n!!! %d RESULT MISMATCH(ES):" % len(FAILURES))
        for inst, msg in FAILURES:
            print("!!!   %s: %s" % (inst, msg))
        return 1
    print("\nall results checked: both engines agree with the reference")
    return 0


if __name__ == "__main__":
    sys.exit(main())
