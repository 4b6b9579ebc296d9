#!/usr/bin/env python3
"""The comparison the batch benchmark measures against: a Python script that parses each application's self-report
with PyYAML's libyaml loader and checks one Beijing gate (G2: advertising and related units at least 40% of tenants
or at least 20). It decides nothing else; it is what "just script it" would cost.

    python3 Benchmarks/python-baseline.py APPLICATIONS_DIR
"""
import os
import sys

import yaml

root = sys.argv[1]
passed = failed = missing = 0
for name in sorted(os.listdir(root)):
    path = os.path.join(root, name, "self-report.yaml")
    if name.startswith(".") or not os.path.isfile(path):
        continue
    with open(path, "rb") as f:
        report = yaml.load(f, Loader=yaml.CSafeLoader)
    facts = (report or {}).get("facts") or {}
    total, related = facts.get("tenants.total"), facts.get("tenants.advertising_related")
    if isinstance(related, int) and related >= 20:
        passed += 1
    elif isinstance(related, int) and isinstance(total, int) and total > 0:
        if related * 100 >= total * 40:
            passed += 1
        else:
            failed += 1
    else:
        missing += 1
print(f"G2: {passed} passed, {failed} failed, {missing} missing data")
