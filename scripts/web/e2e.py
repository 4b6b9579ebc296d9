#!/usr/bin/env python3
"""End-to-end test of the web workbench in a real browser (headless Chromium driven by Selenium).

A bureau administrator makes the accounts; a park fills in an application, uploads evidence and submits it; the
administrator assigns a preliminary reviewer, three panel reviewers and a chair; each reviews; the chair resolves and
finalises; the dossier downloads. Screenshots of each step go to out/e2e/ (NN-step.png).

Usage: scripts/web/e2e.sh (starts a server on a new database, runs this, stops it), or
       python3 scripts/web/e2e.py http://127.0.0.1:18080 admin-password
"""
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "out", "e2e")
PASSWORD = "e2e-password-1"


class Browser:
    def __init__(self, base):
        self.base = base.rstrip("/")
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                     "--lang=zh-CN", "--force-device-scale-factor=1"]:
            options.add_argument(flag)
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        if os.path.exists(chromium):
            options.binary_location = chromium
        self.downloads = os.path.join(OUT, "downloads")
        os.makedirs(self.downloads, exist_ok=True)
        options.add_experimental_option("prefs", {"download.default_directory": self.downloads,
                                                  "download.prompt_for_download": False})
        driver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
        service = Service(driver) if os.path.exists(driver) else Service()
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.implicitly_wait(2)
        self.shots = 0

    def go(self, path):
        self.driver.get(self.base + path)

    def shot(self, name):
        self.shots += 1
        os.makedirs(OUT, exist_ok=True)
        path = os.path.join(OUT, "%02d-%s.png" % (self.shots, name))
        # The whole page, not just the window.
        height = self.driver.execute_script("return document.body.scrollHeight")
        self.driver.set_window_size(1280, max(900, min(height + 40, 6000)))
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 1600)
        print("screenshot", path)

    def field(self, name):
        return self.driver.find_element(By.NAME, name)

    def fill(self, name, value):
        element = self.field(name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.clear()
            element.send_keys(value)

    def click(self, selector):
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def sign_in(self, name, password):
        self.go("/login")
        self.fill("name", name)
        self.fill("password", password)
        self.click("form[action='/login'] button[type=submit]")

    def sign_out(self):
        self.click("form[action='/logout'] button")

    def expect(self, text):
        body = self.text()
        if text not in body:
            raise AssertionError("expected %r on %s, page says:\n%s" % (text, self.driver.current_url, body[:2000]))

    def quit(self):
        self.driver.quit()


def main(base, admin_password):
    browser = Browser(base)
    try:
        run(browser, admin_password)
    except Exception:
        browser.shot("failure")
        raise
    finally:
        browser.quit()
    print("e2e: passed")


def run(b, admin_password):
    b.sign_in("admin", admin_password)
    b.shot("admin-overview")
    b.expect("工作概览")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(64)
    main(sys.argv[1], sys.argv[2])
