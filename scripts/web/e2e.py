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
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

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
        self.press(self.driver.find_element(By.CSS_SELECTOR, selector))

    def press(self, element):
        """Clicks a button that loads a new page, and waits until the new page has replaced the old one."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()

        def replaced(_):
            # The old page is gone: Chromium 156's driver says so with "Node with given id does not belong to the
            # document" rather than a stale-element error, which staleness_of does not catch.
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(self.driver, 30).until(replaced)
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def sign_in(self, name, password):
        self.go("/login")
        self.fill("name", name)
        self.fill("password", password)
        self.click("form[action='/login'] button[type=submit]")

    def sign_out(self):
        # From a page with the workbench's header (a dossier has none).
        if not self.driver.find_elements(By.CSS_SELECTOR, "form[action='/logout'] button"):
            self.go("/account/password")
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


SAMPLE = os.path.join(ROOT, "Samples", "beijing-xinghe")
SCORECARD = "beijing-digital-advertising-park"
# The sample's evidence: id, title, file, the facts it supports.
EVIDENCE = [
    ("licence", "园区管理机构营业执照", "evidence/management-licence.txt", ["management.independent_legal_person", "park.province"]),
    ("tenants", "入驻单位名录", "evidence/tenant-list.csv", ["tenants.total", "tenants.advertising_related"]),
    ("platform", "园区服务平台介绍与服务记录", "evidence/service-platform.md",
     ["services.platform", "services.government", "services.third_party_institutions"]),
    ("services", "园区软、硬件服务清单及服务记录", "evidence/business-services.md", ["management.business_support_services"]),
]
ACCOUNTS = [("xinghe", "星河园区申报专员", "park", "星河数字广告产业园（虚构）"),
            ("zhao", "赵初审", "reviewer", "市园区评定办公室"),
            ("qian", "钱评审", "reviewer", "评审专家库"), ("sun", "孙评审", "reviewer", "评审专家库"),
            ("lixin", "李评审", "reviewer", "评审专家库"), ("zhou", "周组长", "chair", "评审专家库")]


def attempt(b, url, step, done=None):
    """A step on the page at `url`, tried again (after reloading the page) when Chromium loses an element between
    finding it and using it ("Node with given id does not belong to the document": a timing flake of the driver, not of
    the workbench). A step already done (`done()`) is not repeated; a repeated assignment or account is refused by the
    server anyway."""
    for tries in range(3):
        try:
            step()
            return
        except WebDriverException:
            if tries == 2:
                raise
            time.sleep(0.5)
            b.go(url)
            if done is not None and done():
                return


def assign(b, application, name, role):
    form = b.driver.find_element(By.CSS_SELECTOR, "form[action='/admin/applications/%s/assignments']" % application)
    Select(form.find_element(By.NAME, "account")).select_by_value(name)
    Select(form.find_element(By.NAME, "role")).select_by_value(role)
    b.press(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def submit_form(b, action_contains, button="button[type=submit]"):
    submit_css(b, "form[action*='%s']" % action_contains, button)


def submit_css(b, css, button="button[type=submit]"):
    form = b.driver.find_element(By.CSS_SELECTOR, css)
    b.press(form.find_element(By.CSS_SELECTOR, button))


def run(b, admin_password):
    # 1. The bureau makes the accounts.
    b.sign_in("admin", admin_password)
    b.expect("工作概览")
    b.shot("admin-overview")
    b.go("/admin/accounts")
    for name, display, role, organisation in ACCOUNTS:
        attempt(b, "/admin/accounts", lambda: make_account(b, name, display, role, organisation),
                done=lambda: display in b.text())
    run_rest(b, admin_password)


def make_account(b, name, display, role, organisation):
    if True:  # one account, through the form
        b.fill("name", name)
        b.fill("displayName", display)
        b.fill("role", role)
        b.fill("organisation", organisation)
        form = b.driver.find_element(By.CSS_SELECTOR, "form[action='/admin/accounts']")
        form.find_element(By.NAME, "password").send_keys(PASSWORD)
        b.press(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        b.expect(display)


def run_rest(b, admin_password):
    b.shot("admin-accounts")
    b.sign_out()

    # 2. The park fills in its application: imports its Excel/YAML self-report, corrects a field, uploads evidence.
    b.sign_in("xinghe", PASSWORD)
    b.go("/park/applications/new")
    b.fill("scorecard", SCORECARD)
    b.fill("parkName", "星河数字广告产业园（虚构）")
    b.shot("park-new")
    submit_css(b, "form[action='/park/applications']")
    application = urllib.parse.urlparse(b.driver.current_url).path.rstrip("/").split("/")[-1]
    base = "/park/applications/" + application
    b.driver.find_element(By.CSS_SELECTOR, "form[action*='/import'] input[type=file]").send_keys(
        os.path.join(SAMPLE, "self-report.yaml"))
    submit_form(b, "/import")
    # A mistake the form catches beside its field, then the correction.
    b.fill("fact.tenants.total", "-3")
    submit_css(b, "form[data-preview]")
    b.expect("-3")
    b.shot("park-form-problem")
    b.fill("fact.tenants.total", "45家")
    # The live preview (workbench.js) scores what is typed before it is saved: the sample's 78.25 appears beside the form.
    WebDriverWait(b.driver, 15).until(
        lambda d: "78.25" in d.find_element(By.CSS_SELECTOR, "[data-preview-target]").text)
    b.shot("park-live-preview")
    submit_css(b, "form[data-preview]")
    for evidence_id, title, path, supports in EVIDENCE:
        attempt(b, base, lambda: upload(b, evidence_id, title, path, supports), done=lambda: title in b.text())
    run_park_rest(b, admin_password, application, base)


def upload(b, evidence_id, title, path, supports):
    if True:  # one evidence file, through the upload form
        form = b.driver.find_element(By.CSS_SELECTOR, "form[action*='/evidence?']")
        form.find_element(By.NAME, "evidenceID").send_keys(evidence_id)
        form.find_element(By.NAME, "title").send_keys(title)
        form.find_element(By.NAME, "file").send_keys(os.path.join(SAMPLE, path))
        for key in supports:
            boxes = form.find_elements(By.CSS_SELECTOR, "input[name=supports][value='%s']" % key)
            if boxes and not boxes[0].is_selected():
                boxes[0].click()
        b.press(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        b.expect(title)


def run_park_rest(b, admin_password, application, base):
    b.shot("park-form-filled")
    # The self-report downloads as YAML; then the park submits.
    b.go(base + "/self-report.yaml")
    time.sleep(1)
    # A download leaves the page as it was, half-navigated: open the form again before pressing anything on it.
    b.go(base)
    submit_form(b, base + "/submit")
    b.expect("已提交")
    b.shot("park-submitted")
    b.sign_out()

    # 3. The bureau assigns the preliminary check, the panel and the chair.
    b.sign_in("admin", admin_password)
    b.go("/admin/applications")
    b.shot("admin-applications")
    b.go("/admin/applications/" + application)
    for name, role in [("zhao", "preliminary"), ("qian", "panel"), ("sun", "panel"), ("lixin", "panel"), ("zhou", "chair")]:
        attempt(b, "/admin/applications/" + application, lambda: assign(b, application, name, role))
    b.shot("admin-assignments")
    b.sign_out()

    review = "/review/applications/" + application

    def review_as(name, ratings, verdicts, overrides, comments, shot_before=None, shot_after=None):
        b.sign_in(name, PASSWORD)
        b.go("/review")
        b.go(review)
        for criterion, level in ratings:
            b.driver.find_element(By.CSS_SELECTOR, "input[name='rating.%s'][value='%d']" % (criterion, level)).click()
        for evidence_id, verdict, reason in verdicts:
            Select(b.field("evidence." + evidence_id)).select_by_value(verdict)
            if reason:
                b.fill("evidence-reason." + evidence_id, reason)
        for criterion, points, reason in overrides:
            b.fill("override." + criterion, points)
            b.fill("override-reason." + criterion, reason)
        if comments:
            b.fill("comments", comments)
        if shot_before:
            b.shot(shot_before)
        b.press(b.driver.find_element(By.CSS_SELECTOR, "button[formaction='%s/submit']" % review))
        if shot_after:
            b.shot(shot_after)
        b.sign_out()

    # 4. The preliminary check, then the three panel members (blind), each submitting.
    review_as("zhao", [], [("licence", "accepted", ""), ("tenants", "accepted", ""), ("platform", "accepted", "")],
              [("services.third_party", "1", "7家第三方机构中3家合作协议已到期，有效仅4家")], "基本条件材料齐全。",
              shot_after="review-preliminary")
    review_as("qian", [("basic.positioning", 2), ("talent.system", 2), ("culture.content", 1)],
              [("platform", "accepted", "")], [], "", shot_before="review-panel-blind")
    review_as("sun", [("basic.positioning", 3), ("talent.system", 2), ("culture.content", 3)], [], [], "")
    review_as("lixin", [("basic.positioning", 2), ("talent.system", 3), ("culture.content", 1)],
              [("tenants", "rejected", "入驻单位名录未加盖公章")], [], "", shot_after="review-panel-submitted")

    # 5. The chair resolves the disagreement and finalises.
    b.sign_in("zhou", PASSWORD)
    b.go(review)
    b.shot("chair-aggregate")
    b.driver.find_element(By.CSS_SELECTOR, "input[name='resolution.culture.content'][value='2']").click()
    b.fill("resolution-reason.culture.content", "合议认为园区已举办1次广告赛事，另有2次筹办中，按“有一定基础”定为2级")
    b.fill("comments", "合议后结果为正式结果；入驻单位名录请补盖公章后存档。")
    submit_css(b, "form[action='%s']" % review)
    b.go(review)
    b.shot("chair-resolved")
    submit_form(b, review + "/finalise")
    b.shot("chair-finalised")
    # 6. The dossier: 62.04 and grade C, as the CLI scores the sample with its five review files.
    b.go(review + "/dossier")
    b.expect("62.04")
    b.shot("dossier")
    b.sign_out()

    # 7. The bureau compares and reads the history.
    b.sign_in("admin", admin_password)
    b.go("/admin/compare/" + SCORECARD)
    b.expect("62.04")
    b.shot("admin-compare")
    b.go("/applications/%s/history" % application)
    b.shot("history")
    b.sign_out()
    downloaded = os.listdir(b.downloads)
    if not any(name.endswith(".yaml") for name in downloaded):
        raise AssertionError("the self-report YAML did not download: %r" % downloaded)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(64)
    main(sys.argv[1], sys.argv[2])
