#!/usr/bin/env python3
"""Writes N synthetic park applications in the real schema, deterministic for a seed:

    python3 Benchmarks/generate-applications.py N OUT [--seed S]

Each OUT/app-NNNNNN/ holds a valid self-report.yaml (every fact of Criteria/facts.yaml, typed and within its bounds,
parts never above their wholes; applies_to: all five built-in scorecards; a self-rating for each judged criterion) and
2 to 4 evidence files with their sha256 recorded. Used by Benchmarks/batch-benchmark.sh; it asserts nothing.
"""
import hashlib, os, random, sys

try:
    import yaml
except ImportError:  # PyYAML reads only the dictionary and scorecards here, never a report
    sys.exit("PyYAML is needed: pip install pyyaml")

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
if len(args) < 2:
    sys.exit(__doc__)
count, out = int(args[0]), args[1]
seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
facts = yaml.safe_load(open(os.path.join(root, "Criteria", "facts.yaml"), encoding="utf-8"))["facts"]
cards = sorted(f[:-5] for f in os.listdir(os.path.join(root, "Criteria")) if f.endswith(".yaml") and f != "facts.yaml")
judged = {}
for card in cards:
    doc = yaml.safe_load(open(os.path.join(root, "Criteria", card + ".yaml"), encoding="utf-8"))
    judged[card] = [(c["id"], max(l["level"] for l in c["levels"])) for d in doc["dimensions"] for c in d["criteria"]
                    if c.get("kind") == "judged"]


def value(key, spec, rng, chosen):
    t = spec["type"]
    if t == "records":
        # A table of 0 to 6 records, every field given, from its own generator so the other facts stay as they were.
        table_rng = random.Random(rng.random())
        rows = []
        for n in range(table_rng.randint(0, 6)):
            fields = []
            for name, field in spec["fields"].items():
                v = value(name, field, table_rng, {}) if name != "name" else "企业%d" % (n + 1)
                fields.append("%s: %s" % (name, v))
            rows.append("{" + ", ".join(fields) + "}")
        return "[" + ", ".join(rows) + "]"
    if t == "boolean":
        return "true" if rng.random() < 0.7 else "false"
    if t == "integer":
        n = rng.randint(0, 60)
        if "max" in spec:  # a field's inclusive bound (firms' rent_subsidy_years_received: 0 to 3); same draws as before
            n %= int(spec["max"]) + 1
        bound = spec.get("at_most")
        if bound and bound in chosen:
            n = min(n, int(chosen[bound]))
        return str(n)
    if t == "money":
        return str(rng.randint(0, 5_000_000))
    if t in ("enum",):
        return rng.choice(list(spec["values"]))
    if t == "list":
        values = list(spec.get("values") or ["甲", "乙", "丙"])
        return "[" + ", ".join(rng.sample(values, rng.randint(0, min(4, len(values))))) + "]"
    if t == "percent":
        return "'%d%%'" % rng.randint(0, 100)
    if t == "date":
        return "2025-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
    return "'文本'"


os.makedirs(out, exist_ok=True)
keys = list(facts)
# Wholes before parts, so that at_most can look its whole up.
keys.sort(key=lambda k: 1 if facts[k].get("at_most") else 0)
for i in range(1, count + 1):
    rng = random.Random(seed * 1_000_003 + i)
    folder = os.path.join(out, "app-%06d" % i)
    os.makedirs(os.path.join(folder, "evidence"), exist_ok=True)
    chosen = {}
    lines = ["park:", "  id: app-%06d" % i, "  name: 合成园区%06d（基准测试）" % i, "  jurisdiction: 测试区",
             "period: {from: 2025-01-01, to: 2025-12-31}", "report_date: 2026-01-20",
             "applies_to: [%s]" % ", ".join(cards), "facts:"]
    for key in keys:
        v = value(key, facts[key], rng, chosen)
        chosen[key] = v
        lines.append("  %s: %s" % (key, v))
    lines.append("self_assessment:")
    for card in cards:
        if judged[card]:
            lines.append("  %s:" % card)
            lines.append("    ratings:")
            for cid, top in judged[card]:
                lines.append("      %s: %d" % (cid, rng.randint(0, top)))
    lines.append("evidence:")
    supported = rng.sample(keys, 12)
    for e in range(rng.randint(2, 4)):
        body = ("证明材料 %d/%d\n" % (i, e) + "x" * rng.randint(200, 2000)).encode("utf-8")
        name = "evidence/e%d.txt" % e
        with open(os.path.join(folder, name), "wb") as f:
            f.write(body)
        lines += ["  - id: e%d" % e, "    title: 证明材料%d" % e, "    file: %s" % name,
                  "    sha256: %s" % hashlib.sha256(body).hexdigest(),
                  "    supports: [%s]" % ", ".join(supported[e * 3:e * 3 + 3])]
    with open(os.path.join(folder, "self-report.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
print("%d applications in %s (seed %d)" % (count, out, seed))
