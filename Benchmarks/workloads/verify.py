#!/usr/bin/env python3
# Copied into Benchmarks/workloads/ from the project's shared bench directory (issue 8);
# see Benchmarks/README.md. Paths adapted to run from here; the workloads are unchanged.
"""Independent checkers for the benchmark outputs (no CLIPS involved).

  verify.py GENDIR NAME OUTPUT_FILE

manners  the printed seating is a permutation of all guests over seats 1..N,
         sexes alternate and every pair of neighbours shares a hobby
tc       the number of reach facts equals the size of the transitive closure
         computed here by BFS from every node
policy   the recommendation set (count + digest) equals a direct set-based
         evaluation of the same 10 rules: initially, at every 100th what-if
         (DIGEST lines) and at the end; for instances with <= 20k base facts
         also the count after every single what-if (WI lines)

Exit status 0 when everything checks, 1 otherwise.  The data is regenerated
in memory from NAME.meta.json with gen.py, so nothing is read back from the
.clp files.
"""
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402


def bench_values(text):
    vals = {}
    for line in text.splitlines():
        if line.startswith("BENCH "):
            parts = line.split()
            vals[parts[1]] = parts[2:]
    return vals


# ----------------------------------------------------------------------------
def verify_manners(meta, text):
    n = meta["size"]
    guests = {g: (sex, set(h)) for g, sex, h in gen.manners_data(n, meta["seed"])}
    seats = {}
    for m in re.finditer(r"^SEAT (\d+) (\S+)\s*$", text, re.M):
        s = int(m.group(1))
        if s in seats:
            return False, "seat %d printed twice" % s
        seats[s] = m.group(2)
    if sorted(seats) != list(range(1, n + 1)):
        return False, "seats printed: %d of %d" % (len(seats), n)
    if sorted(seats.values()) != sorted(guests):
        return False, "seating is not a permutation of the guests"
    for s in range(1, n):
        a, b = seats[s], seats[s + 1]
        if guests[a][0] == guests[b][0]:
            return False, "seats %d/%d same sex" % (s, s + 1)
        if not (guests[a][1] & guests[b][1]):
            return False, "seats %d/%d share no hobby" % (s, s + 1)
    circ = guests[seats[n]][0] != guests[seats[1]][0] and bool(guests[seats[n]][1] & guests[seats[1]][1])
    return True, "%d guests seated, sexes alternate, neighbours share a hobby%s" % (
        n, " (also around the table)" if circ else " (linear; seat N/1 not adjacent)")


# ----------------------------------------------------------------------------
def tc_closure_size(v, edges):
    adj = collections.defaultdict(list)
    for a, b in edges:
        adj[a].append(b)
    total = 0
    for src in range(1, v + 1):
        seen = set()
        stack = list(adj[src])
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            stack.extend(adj[x])
        total += len(seen)
    return total


def verify_tc(meta, text):
    edges = gen.tc_data(meta["V"], meta["E"], meta["seed"])
    want = tc_closure_size(meta["V"], edges)
    got = bench_values(text).get("reach")
    if got is None:
        return False, "no BENCH reach line"
    if int(got[0]) != want:
        return False, "reach facts %s, expected %d" % (got[0], want)
    return True, "reach facts = closure size = %d" % want


# ----------------------------------------------------------------------------
class PolicyState:
    def __init__(self, d):
        self.regions = {r: list(v) for r, v in d["regions"].items()}
        self.borders = set(d["borders"])
        self.nbrs = collections.defaultdict(list)
        for r, s in d["borders"]:
            self.nbrs[r].append(s)
        self.trades = {t[0]: list(t[1:]) for t in d["trades"]}   # key -> [from,to,sec,vol]
        self.parks = {p[0]: list(p[1:]) for p in d["parks"]}     # key -> [region,status,vis]
        self.agreements = set(d["agreements"])
        self.sanctions = set(d["sanctions"])
        self.params = d["params"]

    def apply(self, op):
        kind, key, val = op
        if kind == "trade":
            self.trades[key][3] = val
        elif kind == "region":
            self.regions[key][0] = val
        else:
            self.parks[key][2] = val

    def recommendations(self):
        T = self.params["trade-threshold"]
        cap = self.params["visitor-cap"]
        tmin = self.params["tourism-min"]
        ag = self.agreements
        sa = self.sanctions
        strong = {(r, s, sec) for (r, s, sec, v) in self.trades.values()
                  if v > T and (r, s) in self.borders}
        surplus = {r for r, (sup, dem, _b) in self.regions.items() if 5 * sup > 6 * dem}
        deficit = {r for r, (sup, dem, _b) in self.regions.items() if 5 * sup < 4 * dem}
        recs = set()
        for (r, s, sec) in strong:
            if (r, s, sec) not in ag and (r, s) not in sa:
                recs.add(("sign-agreement", r, s, sec))
            if r < s and (s, r, sec) in strong and (r, s, sec) not in ag:
                recs.add(("priority-talks", r, s, sec))
        for r in deficit:
            for s in self.nbrs[r]:
                if s in surplus and (r, s, "energy") not in ag and (r, s) not in sa:
                    recs.add(("import-energy", r, s, "energy"))
        prot = {reg for (reg, st, _v) in self.parks.values() if st == "protected"}
        for (r, s) in self.borders:
            if r in prot and s in prot and (r, s, "environment") not in ag:
                recs.add(("park-corridor", r, s, "environment"))
        for p, (reg, st, v) in self.parks.items():
            if st == "open" and v > cap and self.regions[reg][2] > 0:
                recs.add(("protect-park", reg, p, "environment"))
        busy = {reg for (reg, _st, v) in self.parks.values() if v > tmin}
        for (r, s, sec) in strong:
            if sec == "transport" and r in busy and (r, s, "tourism") not in ag:
                recs.add(("tourism-route", r, s, "tourism"))
        for (a, r, s, sec) in list(recs):
            if a == "sign-agreement" and r < s and ("sign-agreement", s, r, sec) in recs:
                recs.add(("bilateral-summit", r, s, sec))
        return recs


def policy_digest(recs):
    ac = {a: i + 1 for i, a in enumerate(gen.ACTIONS)}
    sc = {s: i + 1 for i, s in enumerate(gen.SECTORS)}
    return len(recs), sum(r * 1000003 + p * 1009 + 31 * ac[a] + sc[sec] for (a, r, p, sec) in recs)


def verify_policy(meta, text):
    d = gen.policy_data(meta["K"], meta["P"], meta["A"], meta["seed"], meta["whatifs"])
    st = PolicyState(d)
    vals = bench_values(text)
    problems = []
    n0, d0 = policy_digest(st.recommendations())
    got = vals.get("recommend_initial")
    if not got or (int(got[0]), int(got[1])) != (n0, d0):
        problems.append("initial %s != (%d, %d)" % (got, n0, d0))
    wi = {}
    for m in re.finditer(r"^WI (\d+) \S+ \S+ (-?\d+)\s*$", text, re.M):
        wi[int(m.group(1))] = int(m.group(2))
    dg = {}
    for m in re.finditer(r"^DIGEST (\d+) (\d+) (\d+)", text, re.M):
        dg[int(m.group(1))] = (int(m.group(2)), int(m.group(3)))
    every_step = meta["base_facts"] <= 20000
    checked_steps = 0
    for i, op in enumerate(d["ops"], 1):
        st.apply(op)
        if i in dg or (every_step and wi.get(i, -1) >= 0) or i == len(d["ops"]):
            n, dd = policy_digest(st.recommendations())
            if i in dg and dg[i] != (n, dd):
                problems.append("what-if %d digest %s != (%d, %d)" % (i, dg[i], n, dd))
            if wi.get(i, -1) >= 0 and wi[i] != n:
                problems.append("what-if %d count %d != %d" % (i, wi[i], n))
            checked_steps += 1
            if i == len(d["ops"]):
                got = vals.get("recommend_final")
                if not got or (int(got[0]), int(got[1])) != (n, dd):
                    problems.append("final %s != (%d, %d)" % (got, n, dd))
        if len(problems) > 5:
            break
    if len(wi) != len(d["ops"]):
        problems.append("%d WI lines for %d what-ifs" % (len(wi), len(d["ops"])))
    if problems:
        return False, "; ".join(problems[:5])
    return True, "recommendations match the reference: initial %d, final %s, %d states compared" % (
        n0, vals["recommend_final"][0], checked_steps + 1)


VERIFIERS = {"manners": verify_manners, "tc": verify_tc, "policy": verify_policy}


def verify(gendir, name, out_path):
    meta = json.load(open(os.path.join(gendir, name + ".meta.json")))
    text = open(out_path, errors="replace").read()
    return VERIFIERS[meta["workload"]](meta, text)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    ok, msg = verify(*sys.argv[1:])
    print(("OK   " if ok else "FAIL ") + sys.argv[2] + ": " + msg)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
