#!/usr/bin/env python3
"""Load test of the web workbench on loopback: N concurrent park sessions, each viewing and saving its own application
form, for D seconds. Standard library only (threads and http.client), so it runs wherever Python 3 does.

Reports, per kind of request (page = GET of the form page, save = POST of the form with live scoring, preview = POST of
the preview), the count, p50, p90, p99 and max latency in milliseconds and the errors; then checks that no write was
lost: each application's version in the database is 1 + the number of saves the server accepted for it, and its audit
log has an event for each.

Usage: scripts/web/load-test.sh [SESSIONS] [SECONDS]   (starts a server on a new database, runs this, stops it)
       python3 scripts/web/load-test.py URL ADMIN_PASSWORD DATABASE [SESSIONS] [SECONDS]
"""
import html.parser
import http.client
import json
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
