#!/usr/bin/env python3
"""Load test of the web workbench on loopback: N concurrent park sessions, each viewing and saving its own application
form, for D seconds. Standard library only (threads and http.client), so it runs wherever Python 3 does.

Reports, per kind of request (page = GET of the form page, save = POST of the form with live scoring, preview = POST of
the preview), the count, p50, p90, p99 and max latency in milliseconds and the errors; then checks that no write was
lost: each application's version in the database is 1 + the number of saves the server accepted for it, and its audit
log has an event for each.

Each session pauses THINK seconds on average between rounds (a person reads the page; 0 makes a closed loop that
measures the server's saturation rather than the latency a user sees).

Usage: scripts/web/load-test.sh [SESSIONS] [SECONDS] [THINK]   (starts a server on a new database, runs this, stops it)
       python3 scripts/web/load-test.py URL ADMIN_PASSWORD DATABASE [SESSIONS] [SECONDS] [THINK]
"""
import html.parser
import http.client
import json
import random
import re
import sqlite3
import sys
import threading
import time
import urllib.parse

PASSWORD = "load-password-1"


class FormParser(html.parser.HTMLParser):
    """The fields of the form whose action is `action` (inputs, selects with their selected option, textareas)."""

    def __init__(self, action):
        super().__init__()
        self.action = action
        self.inside = False
        self.fields = []
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
            self.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in a:
                self.select[1] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


class Session:
    def __init__(self, host, port):
        self.connection = http.client.HTTPConnection(host, port, timeout=30)
        self.cookies = {}
        self.csrf = ""

    def request(self, method, path, fields=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in sorted(self.cookies.items()))
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields + [("_csrf", self.csrf)])
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - started) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie = rest.split(";", 1)[0]
                if cookie and "Max-Age=0" not in value:
                    self.cookies[name] = cookie
        match = re.search(r'name="_csrf" value="([0-9a-f]{64})"', text)
        if match:
            self.csrf = match.group(1)
        return response.status, response.getheader("Location"), text, elapsed

    def sign_in(self, name, password):
        self.request("GET", "/login")
        status, location, _, _ = self.request("POST", "/login", [("name", name), ("password", password)])
        if status != 303:
            raise RuntimeError("sign-in as %s failed: %s" % (name, status))
        self.request("GET", location)


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def setup(host, port, admin_password, sessions, scorecard):
    """Accounts load-park-N (made by the administrator, through the pages) and one draft application each."""
    admin = Session(host, port)
    admin.sign_in("admin", admin_password)
    admin.request("GET", "/admin/accounts")
    parks = []
    for n in range(sessions):
        name = "load-park-%d" % n
        status, _, text, _ = admin.request("POST", "/admin/accounts", [
            ("name", name), ("displayName", "压力测试园区%d" % n), ("role", "park"),
            ("organisation", "压力测试园区%d（虚构）" % n), ("password", PASSWORD)])
        if status >= 400:
            raise RuntimeError("making %s failed: %s %s" % (name, status, text[:300]))
        parks.append(name)
    applications = []
    for name in parks:
        park = Session(host, port)
        park.sign_in(name, PASSWORD)
        park.request("GET", "/park/applications/new")
        status, location, text, _ = park.request("POST", "/park/applications", [
            ("scorecard", scorecard), ("parkName", name + " 园区（虚构）")])
        if status != 303 or not location:
            raise RuntimeError("creating %s's application failed: %s %s" % (name, status, text[:300]))
        applications.append((name, park, location.split("?")[0]))
    return applications


def form_fields(text, action):
    parser = FormParser(action)
    parser.feed(text)
    return [(k, v if v is not None else "") for k, v in parser.fields]


def worker(session, host, port, name, path, seconds, think, number_field, results, lock):
    """One park's session (signed in during the setup): views its form, previews a change, saves it, then pauses for
    `think` seconds (a person reading the answer), until the time is up. The form's fields are read once (the client's
    own HTML parsing would otherwise be most of what is measured); each round takes the page's current version."""
    mine = {"page": [], "save": [], "preview": [], "errors": [], "saved": 0, "conflicts": 0}
    deadline = time.time() + seconds
    value = 10
    fields = None
    generator = random.Random(name)
    time.sleep(generator.uniform(0, think))
    while time.time() < deadline:
        try:
            status, _, text, ms = session.request("GET", path)
            if status != 200:
                mine["errors"].append("page %s" % status)
                continue
            mine["page"].append(ms)
            if fields is None:
                fields = [(k, v) for k, v in form_fields(text, path) if k != "_csrf"]
            version = re.search(r'name="version" value="([0-9]+)"', text)
            if not fields or not version:
                mine["errors"].append("no form on the page")
                continue
            value += 1
            changed = [(k, str(value) if k == number_field else version.group(1) if k == "version" else v) for k, v in fields]
            status, _, text, ms = session.request("POST", path + "/preview", changed)
            if status == 200:
                mine["preview"].append(ms)
            else:
                mine["errors"].append("preview %s" % status)
            status, _, text, ms = session.request("POST", path, changed)
            if status in (200, 303):
                mine["save"].append(ms)
                mine["saved"] += 1
            elif status == 409:
                mine["conflicts"] += 1
            else:
                mine["errors"].append("save %s" % status)
        except Exception as error:  # a dropped connection is an error, counted; the worker goes on with a new one
            mine["errors"].append(type(error).__name__)
            session.connection.close()
            session.connection = http.client.HTTPConnection(host, port, timeout=30)
        time.sleep(generator.uniform(0.5 * think, 1.5 * think))
    with lock:
        results[name] = mine


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(64)
    url, admin_password, database = sys.argv[1], sys.argv[2], sys.argv[3]
    sessions = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 30
    think = float(sys.argv[6]) if len(sys.argv) > 6 else 1.0
    scorecard = "beijing-digital-advertising-park"
    number_field = "fact.tenants.total"
    parsed = urllib.parse.urlparse(url)
    host, port = parsed.hostname, parsed.port or 80
    print("setting up %d park accounts and applications ..." % sessions, flush=True)
    applications = setup(host, port, admin_password, sessions, scorecard)
    results, lock = {}, threading.Lock()
    threads = [threading.Thread(target=worker, args=(session, host, port, name, path, seconds, think, number_field, results, lock))
               for name, session, path in applications]
    print("%d sessions viewing, previewing and saving for %.0f s, pausing %.1f s (0.5-1.5x) between rounds ..."
          % (sessions, seconds, think), flush=True)
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    report = {"sessions": sessions, "seconds": round(elapsed, 1), "think_seconds": think, "kinds": {}}
    for kind in ("page", "preview", "save"):
        values = [v for r in results.values() for v in r[kind]]
        report["kinds"][kind] = {"count": len(values), "per_second": round(len(values) / elapsed, 1),
                                 "p50_ms": round(percentile(values, 50), 1), "p90_ms": round(percentile(values, 90), 1),
                                 "p99_ms": round(percentile(values, 99), 1), "max_ms": round(max(values) if values else 0, 1)}
    errors = [e for r in results.values() for e in r["errors"]]
    report["errors"] = len(errors)
    report["error_kinds"] = sorted(set(errors))
    report["conflicts"] = sum(r["conflicts"] for r in results.values())
    # No lost write: each application's version is 1 + its accepted saves, and each save left at least one audit event.
    db = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    lost = []
    for name, _, path in applications:
        application_id = int(path.rstrip("/").split("/")[-1].split("?")[0])
        version = db.execute("SELECT version FROM application WHERE id = ?", (application_id,)).fetchone()[0]
        saves = db.execute("SELECT COUNT(*) FROM audit_event WHERE applicationID = ? AND action = 'application.field-changed'",
                           (application_id,)).fetchone()[0]
        expected = 1 + results[name]["saved"]
        if version != expected or saves < results[name]["saved"]:
            lost.append((name, version, expected, saves))
    report["applications_checked"] = len(applications)
    report["lost_writes"] = len(lost)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if lost:
        print("lost writes:", lost[:10])
    page99, save99 = report["kinds"]["page"]["p99_ms"], report["kinds"]["save"]["p99_ms"]
    fast = page99 < 100 and save99 < 300
    ok = not errors and not lost
    print("load test: %s; targets page p99 < 100 ms (%.1f), save p99 < 300 ms (%.1f): %s"
          % ("no errors, no lost writes" if ok else "FAILED", page99, save99, "met" if fast else "NOT met"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
