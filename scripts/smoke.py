#!/usr/bin/env python3
"""Browser smoke test for 数字政协 (Zhengxie).

Starts the release binary with a fresh SQLite database and the city-scale
demo data, starts chromedriver, and drives headless Chromium over the raw
W3C WebDriver protocol (urllib + json, no third-party packages):

  * logs in as each demo role and walks the pages that role uses,
  * saves a screenshot of every page to artifacts/screenshots/<role>-<page>-<width>.png,
  * records each page's HTTP status (fetched again with the browser's cookie),
  * checks the elder-mode switch, logging out, and that /members weighs
    under 60 KiB (HTML + app.css + app.js),
  * walks one proposal (提案) through its life on the real pages: the member
    drafts and submits it on a phone, staff review, file and assign it, the
    unit clerk answers, staff accept, the member rates and staff close it;
    each step is a form on the page (confirmations accepted) and each step's
    page is checked and screenshotted as <role>-proposal-<step>-<width>.png.

It fails (exit 1) on: a 5xx, a page that does not render (no <main>, or the
"系统繁忙" error page), a broken login or logout, a business page that an
administrator or member can open when they must not, /members too heavy, or
a proposal step that does not reach its page or lands on an error page.
A page that answers 403/404 (not written yet) is reported as a warning; with
--strict (or SMOKE_STRICT=1) it fails too.

Usage: scripts/smoke.py [--bin target/release/zhengxie] [--out artifacts/screenshots] [--strict]
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

DEMO_PASSWORD = "Zhengxie@2026"
PAGE_WEIGHT_LIMIT = 60 * 1024
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
# The proposal walked through its life by proposal_flow: written by the
# member, answered by the demo clerk's unit (重庆市教育委员会, unit 2).
PROPOSAL = {
    "title": "关于加强中小学校园周边交通安全综合治理的建议",
    "analysis": (
        "我市不少中小学位于老城区主干道旁，上下学高峰时段接送车辆临时停靠、占道等候现象突出，学生步行通道常被挤占。"
        "部分学校门前缺少隔离护栏和过街设施，存在较大交通安全隐患。"
        "家长和学校多次反映，但教育、公安交管和属地街道之间尚缺乏常态化的协作机制。"
    ),
    "suggestions": (
        "一是由教育部门牵头，会同公安交管和属地街道逐校排查校门周边隐患并建立台账；"
        "二是在具备条件的学校设置临时接送停车区和护学岗；三是将校园周边交通秩序纳入平安校园考核。"
    ),
    "category": "社会建设",
}
ASSIGNED_UNIT = "重庆市教育委员会"
CONTACT_NOTE = "已与提案人电话沟通，了解了重点学校的点位和家长诉求，约定下周会同交管部门到现场查看。"
ANSWER = {
    "class": "A",
    "signed_by": "李明",
    "contact_person": "张晓燕",
    "contact_phone": "023-63891234",
    "text": (
        "感谢您对校园安全工作的关心和支持。我委已会同市公安局交巡警总队对主城区中小学校门周边逐校排查，建立隐患台账，"
        "本学期起在具备条件的学校设置临时接送停车区并推行护学岗制度，校园周边交通秩序已纳入平安校园考核。"
        "我们将持续跟踪落实情况，并及时向您反馈。"
    ),
}
CHROME_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--lang=zh-CN",
]


class SmokeFailure(Exception):
    pass


def log(msg: str) -> None:
    print(msg, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------
# Plain HTTP (for statuses and page weight)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: D401 - urllib API
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass
class Fetched:
    status: int
    body: bytes
    location: str = ""


def fetch(url: str, cookie: str = "", timeout: float = 30) -> Fetched:
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with _opener.open(req, timeout=timeout) as r:
            return Fetched(r.status, r.read(), r.headers.get("Location", ""))
    except urllib.error.HTTPError as e:
        return Fetched(e.code, e.read() or b"", e.headers.get("Location", "") if e.headers else "")


# ---------------------------------------------------------------------------
# Minimal W3C WebDriver client


class WebDriver:
    def __init__(self, base: str):
        self.base = base
        self.session = ""
        self.viewport = (1366, 900)

    def _call(self, method: str, path: str, body: dict | None = None, timeout: float = 90):
        data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
        req = urllib.request.Request(
            self.base + path, data=data, method=method, headers={"Content-Type": "application/json; charset=utf-8"}
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                payload = json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            try:
                payload = json.loads(e.read() or b"{}")
            except ValueError:
                payload = {}
            value = payload.get("value", {}) if isinstance(payload, dict) else {}
            err = value.get("error", e.code) if isinstance(value, dict) else e.code
            msg = value.get("message", "") if isinstance(value, dict) else ""
            raise SmokeFailure(f"WebDriver {method} {path}: {err}: {msg.splitlines()[0] if msg else ''}") from None
        return payload.get("value")

    def s(self, method: str, path: str, body: dict | None = None, timeout: float = 90):
        return self._call(method, f"/session/{self.session}{path}", body, timeout)

    def start(self, user_data_dir: str) -> None:
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": {"pageLoad": 60000, "script": 30000, "implicit": 0},
                    "goog:chromeOptions": {
                        "binary": "/usr/bin/chromium",
                        "args": CHROME_ARGS + [f"--user-data-dir={user_data_dir}"],
                    },
                    "goog:loggingPrefs": {"browser": "ALL"},
                }
            }
        }
        value = self._call("POST", "/session", caps, timeout=120)
        self.session = value["sessionId"]

    def quit(self) -> None:
        if self.session:
            try:
                self._call("DELETE", f"/session/{self.session}", timeout=30)
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
            self.session = ""

    def cdp(self, cmd: str, params: dict | None = None):
        return self.s("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params or {}})

    def set_width(self, width: int, height: int) -> None:
        """Sets the viewport to exactly width x height CSS pixels.

        The window is resized first, then the device metrics are overridden so
        that a narrow phone width is honoured even where the window manager
        would clamp the window."""
        self.viewport = (width, height)
        self.s("POST", "/window/rect", {"width": width, "height": height})
        self._metrics(width, height)

    def _metrics(self, width: int, height: int) -> None:
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 768},
        )

    def go(self, url: str) -> None:
        self.s("POST", "/url", {"url": url})

    def url(self) -> str:
        return self.s("GET", "/url")

    def title(self) -> str:
        return self.s("GET", "/title")

    def js(self, script: str, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css: str) -> str | None:
        try:
            value = self.s("POST", "/element", {"using": "css selector", "value": css})
        except SmokeFailure as e:
            if "no such element" in str(e):
                return None
            raise
        return value[ELEMENT]

    def need(self, css: str) -> str:
        el = self.find(css)
        if el is None:
            raise SmokeFailure(f"页面 {self.url()} 上找不到元素 {css}")
        return el

    def find_in(self, parent: str, css: str) -> str | None:
        try:
            value = self.s("POST", f"/element/{parent}/element", {"using": "css selector", "value": css})
        except SmokeFailure as e:
            if "no such element" in str(e):
                return None
            raise
        return value[ELEMENT]

    def type(self, el: str, text: str) -> None:
        self.s("POST", f"/element/{el}/clear", {})
        self.s("POST", f"/element/{el}/value", {"text": text})

    def click(self, el: str) -> None:
        self.s("POST", f"/element/{el}/click", {})

    def press(self, el: str) -> None:
        """Clicks an element after centring it, so that a fixed bar (the
        phone tab bar) is not in the way of a button at the page's foot."""
        self.js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", {ELEMENT: el})
        self.click(el)

    def accept_alert(self, tries: int = 3) -> bool:
        """Accepts a window.confirm if one is open; False if there was none."""
        for attempt in range(tries):
            try:
                self.s("POST", "/alert/accept", {})
                return True
            except SmokeFailure as e:
                if "no such alert" not in str(e):
                    raise
            if attempt + 1 < tries:
                time.sleep(0.2)
        return False

    def cookie(self, name: str) -> str:
        try:
            value = self.s("GET", f"/cookie/{name}")
        except SmokeFailure:
            return ""
        return value.get("value", "") if isinstance(value, dict) else ""

    def delete_cookies(self) -> None:
        self.s("DELETE", "/cookie")

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js("return document.readyState") == "complete":
                return
            time.sleep(0.1)

    def screenshot(self, path: str, max_height: int = 6000) -> None:
        """A full-page PNG through DevTools, or the viewport as a fallback.

        For a page taller than the viewport the viewport is stretched to the
        page for the capture, as a full-page capture in a browser does, so
        that fixed bars (the phone tab bar) sit at the bottom of the picture
        and not in the middle of it."""
        width, height = self.viewport
        data = None
        try:
            full = int(self.js("return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)"))
            tall = min(max_height, max(height, full))
            if tall > height:
                self._metrics(width, tall)
            try:
                data = self.cdp("Page.captureScreenshot", {"format": "png"})["data"]
            finally:
                if tall > height:
                    self._metrics(width, height)
        except (SmokeFailure, KeyError, TypeError, ValueError):
            data = self.s("GET", "/screenshot")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def browser_log(self) -> list[dict]:
        try:
            return self.s("POST", "/se/log", {"type": "browser"}) or []
        except SmokeFailure:
            return []


# ---------------------------------------------------------------------------
# The run


@dataclass
class Result:
    role: str
    path: str
    status: int | None
    verdict: str  # ok | warn | FAIL
    note: str = ""
    shot: str = ""


@dataclass
class Smoke:
    base: str
    wd: WebDriver
    out: str
    strict: bool
    results: list[Result] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def fail(self, msg: str) -> None:
        log(f"  FAIL {msg}")
        self.failures.append(msg)

    def warn(self, msg: str) -> None:
        log(f"  warn {msg}")
        self.warnings.append(msg)

    # -- login / logout -----------------------------------------------------

    def login(self, login: str, width: int, height: int) -> None:
        log(f"== 登录 {login}（{width}x{height}）")
        self.wd.set_width(width, height)
        self.wd.go(self.base + "/login")
        self.wd.wait_ready()
        if "/login" not in self.wd.url():
            raise SmokeFailure(f"打开 /login 却到了 {self.wd.url()}（上一位用户未退出？）")
        if not self.wd.cookie("zx_csrf"):
            raise SmokeFailure("登录页没有设置 zx_csrf Cookie")
        if self.wd.find("main form input[name=csrf]") is None:
            raise SmokeFailure("登录表单缺少隐藏字段 csrf")
        self.wd.type(self.wd.need("main form input[name=login]"), login)
        self.wd.type(self.wd.need("main form input[name=password]"), DEMO_PASSWORD)
        self.wd.click(self.wd.need("main form button[type=submit]"))
        deadline = time.time() + 30
        while time.time() < deadline and urllib.parse.urlsplit(self.wd.url()).path == "/login":
            time.sleep(0.1)
        self.wd.wait_ready()
        path = urllib.parse.urlsplit(self.wd.url()).path
        if path != "/":
            error = self.wd.js("var e=document.querySelector('.error, .error-summary, [role=alert]');return e?e.textContent.trim():''")
            raise SmokeFailure(f"{login} 登录后应跳转到 /，实际在 {path}。{error or ''}")
        if not self.wd.cookie("zx_session"):
            raise SmokeFailure(f"{login} 登录后没有 zx_session Cookie")
        log(f"  ok   登录成功，跳转到 /")

    def session_cookie(self) -> str:
        return f"zx_session={self.wd.cookie('zx_session')}"

    def logout(self, login: str) -> None:
        button = self.wd.find("header form.logout button[type=submit]")
        if button is None:
            raise SmokeFailure(f"{login}：页头没有“退出”按钮")
        text = self.wd.js("return arguments[0].textContent.trim()", {ELEMENT: button})
        if text != "退出":
            self.warn(f"{login}：退出按钮的文字是“{text}”")
        old = self.session_cookie()
        self.wd.click(button)
        deadline = time.time() + 15
        while time.time() < deadline and urllib.parse.urlsplit(self.wd.url()).path != "/login":
            time.sleep(0.1)
        if urllib.parse.urlsplit(self.wd.url()).path != "/login":
            raise SmokeFailure(f"{login} 退出后应回到 /login，实际在 {self.wd.url()}")
        # The old session must be dead on the server, not just forgotten by the browser.
        after = fetch(self.base + "/", old)
        if not (after.status in (302, 303, 307) and after.location.endswith("/login")):
            raise SmokeFailure(f"{login} 退出后旧会话仍可访问 /（HTTP {after.status}）")
        log(f"  ok   {login} 已退出，旧会话失效")

    # -- pages --------------------------------------------------------------

    def visit(self, role: str, name: str, path: str, width: int, must_exist: bool = True) -> Result:
        """Opens a page in the browser, screenshots it and checks it."""
        url = self.base + path
        status = fetch(url, self.session_cookie()).status
        self.wd.go(url)
        self.wd.wait_ready()
        shot = os.path.join(self.out, f"{role}-{name}-{width}.png")
        self.wd.screenshot(shot)
        info = self.wd.js(
            """
            var main = document.querySelector('main');
            var text = document.body ? document.body.innerText : '';
            var code = (text.match(/错误代码\\s*(\\d{3})/) || [])[1] || '';
            return {
              title: document.title,
              hasMain: !!main,
              mainText: main ? main.innerText.trim().length : 0,
              busy: text.indexOf('系统繁忙') >= 0,
              errorPage: !!document.querySelector('main.error-page'),
              code: code,
              path: location.pathname,
              overflow: document.documentElement.scrollWidth - window.innerWidth,
              elder: document.documentElement.classList.contains('elder'),
            };
            """
        )
        rel = os.path.relpath(shot)
        note = f"“{info['title']}”"
        verdict = "ok"
        if status >= 500 or info["busy"]:
            verdict = "FAIL"
            note = f"服务器错误（HTTP {status}，页面：{info['title']}）"
        elif not info["hasMain"] or info["mainText"] == 0:
            verdict = "FAIL"
            note = f"页面未渲染（HTTP {status}，无 <main> 内容）"
        elif status in (302, 303, 307) and info["path"] == "/login":
            verdict = "FAIL"
            note = "会话丢失，被送回登录页"
        elif status != 200 or info["errorPage"] or "页面不存在" in info["title"]:
            shown = info["code"] or status
            what = {"404": "页面不存在（尚未实现？）", "403": "无权访问"}.get(str(shown), f"HTTP {shown}")
            verdict = "FAIL" if (must_exist and self.strict) else "warn"
            note = what
        if verdict == "ok" and width < 768 and info["overflow"] > 2:
            self.warn(f"{role} {path} 在 {width}px 宽时横向溢出 {info['overflow']}px")
        result = Result(role, path, status, verdict, note, rel)
        self.results.append(result)
        line = f"{role} {path} @{width}px → HTTP {status}: {note}  [{rel}]"
        if verdict == "FAIL":
            self.fail(line)
        elif verdict == "warn":
            self.warn(line)
        else:
            log(f"  ok   {line}")
        return result

    def denied(self, role: str, path: str) -> None:
        """A page this role must not open: anything but 2xx is fine, 5xx is not."""
        r = fetch(self.base + path, self.session_cookie())
        if 200 <= r.status < 300:
            self.fail(f"{role} 不应能打开 {path}，却得到 HTTP {r.status}")
        elif r.status >= 500:
            self.fail(f"{role} 打开 {path} 得到 HTTP {r.status}")
        else:
            log(f"  ok   {role} 不能打开 {path}（HTTP {r.status}）")
        self.results.append(Result(role, f"{path} (应拒绝)", r.status, "ok" if 300 <= r.status < 500 else "FAIL"))

    # -- checks -------------------------------------------------------------

    def check_health(self) -> None:
        log("== 健康检查")
        for path, want in (("/healthz", "ok"), ("/readyz", "ready")):
            r = fetch(self.base + path)
            body = r.body.decode("utf-8", "replace").strip()
            if r.status != 200 or body != want:
                self.fail(f"{path} → HTTP {r.status} {body!r}")
            else:
                log(f"  ok   {path} → {body}")

    def check_anonymous(self) -> None:
        log("== 未登录")
        self.wd.set_width(360, 800)
        self.wd.go(self.base + "/members")
        self.wd.wait_ready()
        if urllib.parse.urlsplit(self.wd.url()).path != "/login":
            self.fail(f"未登录访问 /members 应跳转到 /login，实际在 {self.wd.url()}")
        else:
            log("  ok   未登录访问 /members 跳转到 /login")
        self.wd.screenshot(os.path.join(self.out, "anonymous-login-360.png"))
        # The elder switch on the login page posts to /elder with the pre-login token.
        button = self.wd.find("header form.elder-switch button[type=submit]")
        if button is None:
            self.warn("登录页没有大字模式开关")
            return
        self.wd.click(button)
        self.wd.wait_ready()
        elder = self.wd.js("return document.documentElement.classList.contains('elder')")
        if not elder:
            title = self.wd.title()
            self.warn(f"登录页的大字模式开关无效（到了 {urllib.parse.urlsplit(self.wd.url()).path}：{title}）")
            self.wd.screenshot(os.path.join(self.out, "anonymous-login-elder-360.png"))
            return
        self.wd.screenshot(os.path.join(self.out, "anonymous-login-elder-360.png"))
        log("  ok   登录页大字模式开关可用")
        # Switch it back so the next screenshots are in standard mode.
        back = self.wd.find("header form.elder-switch button[type=submit]")
        if back is not None:
            self.wd.click(back)
            self.wd.wait_ready()

    def toggle_elder(self, role: str, width: int) -> None:
        before = self.wd.js("return document.documentElement.classList.contains('elder')")
        button = self.wd.find("header form.elder-switch button[type=submit]")
        if button is None:
            raise SmokeFailure("页头没有大字模式开关")
        self.wd.click(button)
        self.wd.wait_ready()
        # The click starts a navigation; wait_ready can still see the old page,
        # so poll for the switch (bounded) instead of reading once.
        after = before
        for _ in range(50):
            after = self.wd.js("return document.documentElement.classList.contains('elder')")
            if after != before:
                break
            time.sleep(0.1)
        if after == before:
            self.fail(f"{role}：点击大字模式开关后页面没有切换（elder={after}）")
            return
        size = self.wd.js("return parseFloat(getComputedStyle(document.body).fontSize)")
        shot = os.path.join(self.out, f"{role}-home-elder-{width}.png")
        self.wd.screenshot(shot)
        log(f"  ok   大字模式已开启，正文字号 {size}px  [{os.path.relpath(shot)}]")
        if size < 18:
            self.warn(f"大字模式正文字号 {size}px，应不小于 18px")
        # The choice is remembered for the user: reload and it is still on.
        self.wd.go(self.base + "/")
        self.wd.wait_ready()
        if not self.wd.js("return document.documentElement.classList.contains('elder')"):
            self.fail(f"{role}：大字模式刷新后没有保持")
        # And back to standard.
        self.wd.click(self.wd.need("header form.elder-switch button[type=submit]"))
        self.wd.wait_ready()
        if self.wd.js("return document.documentElement.classList.contains('elder')"):
            self.fail(f"{role}：无法关闭大字模式")
        else:
            log("  ok   已切回标准字号")

    def page_weight(self) -> None:
        log("== 页面重量 /members")
        cookie = self.session_cookie()
        html = fetch(self.base + "/members", cookie)
        if html.status != 200:
            msg = f"/members 返回 HTTP {html.status}，无法计算页面重量"
            (self.fail if self.strict else self.warn)(msg)
            return
        css = fetch(self.base + "/assets/app.css")
        js = fetch(self.base + "/assets/app.js")
        total = len(html.body) + len(css.body) + len(js.body)
        log(
            f"  /members HTML {len(html.body):,} B + app.css {len(css.body):,} B + app.js {len(js.body):,} B"
            f" = {total:,} B（{total / 1024:.1f} KiB，上限 {PAGE_WEIGHT_LIMIT // 1024} KiB）"
        )
        if total > PAGE_WEIGHT_LIMIT:
            self.fail(f"/members 页面重量 {total / 1024:.1f} KiB 超过 {PAGE_WEIGHT_LIMIT // 1024} KiB")

    def console(self) -> None:
        entries = [
            e
            for e in self.wd.browser_log()
            if e.get("level") == "SEVERE" and "favicon.ico" not in e.get("message", "")
        ]
        for e in entries[:20]:
            self.warn(f"浏览器控制台：{e.get('message', '')[:300]}")

    # -- proposal walk-through ------------------------------------------------

    def shot(self, role: str, name: str) -> str:
        """Screenshots the page in the browser as <role>-<name>-<width>.png."""
        width = self.wd.viewport[0]
        path = os.path.join(self.out, f"{role}-{name}-{width}.png")
        self.wd.screenshot(path)
        return os.path.relpath(path)

    def page_problem(self) -> str:
        """Why the page in the browser is not a good page, or ''."""
        info = self.wd.js(
            """
            var main = document.querySelector('main');
            var text = document.body ? document.body.innerText : '';
            var err = document.querySelector('main.error-page');
            var squash = function (e) { return e ? e.textContent.replace(/\\s+/g, ' ').trim() : ''; };
            var summary = document.querySelector('.error-summary');
            return {
              hasMain: !!main && main.innerText.trim().length > 0,
              errorTitle: err ? squash(err.querySelector('h1')) : '',
              errorDetail: err ? squash(err.querySelector('p:not(.muted)')) : '',
              errorCode: (text.match(/错误代码\\s*(\\d{3})/) || [])[1] || '',
              words: ['系统繁忙', '页面不存在', '无权访问'].filter(function (w) { return text.indexOf(w) >= 0; }),
              summary: squash(summary),
              fieldErrors: [].slice.call(document.querySelectorAll('main p.error')).map(squash),
              path: location.pathname,
            };
            """
        )
        if info["errorTitle"] or info["errorCode"]:
            detail = f"，{info['errorDetail']}" if info["errorDetail"] else ""
            return f"错误页“{info['errorTitle']}”{detail}（错误代码 {info['errorCode'] or '?'}）"
        if info["words"]:
            return f"页面上出现“{'、'.join(info['words'])}”"
        if info["summary"] or info["fieldErrors"]:
            return f"表单有误：{info['summary'] or '；'.join(info['fieldErrors'])}"
        if info["path"] == "/login":
            return "会话丢失，被送回登录页"
        if not info["hasMain"]:
            return "页面未渲染（无 <main> 内容）"
        return ""

    def follow(self, step: str, button: str) -> None:
        """Clicks a submit button, accepts the confirmation it may ask for,
        waits for the next page and fails if that is an error page."""
        self.wd.js("window.__smokeBefore = true")
        self.wd.press(button)
        self.wd.accept_alert()
        deadline = time.time() + 60
        last = ""
        while time.time() < deadline:
            try:
                if self.wd.js("return !window.__smokeBefore && document.readyState === 'complete'"):
                    break
            except SmokeFailure as e:  # mid-navigation, or a second dialog
                last = str(e)
                if "alert" in last:
                    self.wd.accept_alert(1)
            time.sleep(0.1)
        else:
            raise SmokeFailure(f"提案流程“{step}”：点击后 60 秒内没有打开新页面（仍在 {self.wd.url()}）{last}")
        problem = self.page_problem()
        if problem:
            raise SmokeFailure(f"提案流程“{step}”失败：{problem}（{urllib.parse.urlsplit(self.wd.url()).path}）")

    def fill(self, step: str, scope: str, fields: dict[str, str]) -> None:
        """Fills the named fields inside an element: text by typing, a
        select by clicking the option whose value or text matches, a radio
        by clicking the one with that value."""
        for name, value in fields.items():
            el = self.wd.find_in(scope, f"[name='{name}']")
            if el is None:
                raise SmokeFailure(f"提案流程“{step}”：表单里没有字段 {name}")
            kind = self.wd.js("var e=arguments[0];return e.tagName.toLowerCase()+(e.type?':'+e.type:'')", {ELEMENT: el})
            if kind == "input:radio":
                radio = self.wd.find_in(scope, f"input[type=radio][name='{name}'][value='{value}']")
                if radio is None:
                    raise SmokeFailure(f"提案流程“{step}”：单选 {name} 没有选项 {value}")
                self.wd.press(radio)
            elif kind.startswith("select"):
                option = self.wd.js(
                    "var want=arguments[1];return [].slice.call(arguments[0].options)"
                    ".filter(function(o){return o.value===want||o.text.trim()===want})[0]||null",
                    {ELEMENT: el},
                    value,
                )
                if option is None:
                    raise SmokeFailure(f"提案流程“{step}”：下拉框 {name} 没有“{value}”")
                self.wd.js("arguments[0].scrollIntoView({block: 'center'})", {ELEMENT: el})
                self.wd.click(option[ELEMENT])
                chosen = self.wd.js("var o=arguments[0].selectedOptions[0];return o?o.text.trim()+'|'+o.value:''", {ELEMENT: el})
                if value not in chosen.split("|"):
                    raise SmokeFailure(f"提案流程“{step}”：下拉框 {name} 选不上“{value}”（现为 {chosen}）")
            else:
                self.wd.type(el, value)

    def arrived(self, step: str, role: str, path: str, shot: str = "") -> str:
        """Checks the browser is on `path` after a step, logs the stage shown
        and records the step; screenshots it as <role>-<shot>-<width>.png."""
        here = urllib.parse.urlsplit(self.wd.url()).path
        if here != path:
            raise SmokeFailure(f"提案流程“{step}”：应到 {path}，实际在 {here}")
        problem = self.page_problem()
        if problem:
            raise SmokeFailure(f"提案流程“{step}”失败：{problem}（{here}）")
        stage = self.wd.js("var b=document.querySelector('.record h1 .badge');return b?b.textContent.trim():''")
        rel = self.shot(role, shot) if shot else ""
        width = self.wd.viewport[0]
        if width < 768:
            overflow = self.wd.js("return document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 2:
                self.warn(f"{role} {path}（{step}）在 {width}px 宽时横向溢出 {overflow}px")
        note = f"{step}" + (f" → {stage}" if stage else "")
        self.results.append(Result(role, path, None, "ok", note, rel))
        log(f"  ok   {role} {note}" + (f"  [{rel}]" if rel else ""))
        return stage

    def act(self, role: str, pid: int, step: str, code: str, fields: dict[str, str] | None = None, shot: str = "") -> str:
        """Performs one step form (<form class=act> with do=code) on the
        record page: fills it, submits, accepts the confirmation, checks."""
        path = f"/proposals/{pid}"
        if urllib.parse.urlsplit(self.wd.url()).path != path:
            self.wd.go(self.base + path)
            self.wd.wait_ready()
            problem = self.page_problem()
            if problem:
                raise SmokeFailure(f"提案流程“{step}”：{role} 打不开 {path}：{problem}")
        form = self.wd.js(
            "var code=arguments[0];return [].slice.call(document.querySelectorAll('form.act')).filter(function(f){"
            "var d=f.querySelector('input[name=do]');return d&&d.value===code})[0]||null",
            code,
        )
        if form is None:
            offered = self.wd.js(
                "return [].slice.call(document.querySelectorAll('form.act input[name=do]')).map(function(d){return d.value})"
            )
            raise SmokeFailure(
                f"提案流程“{step}”：{role} 在 {path} 上没有“{code}”表单（可办理：{'、'.join(offered) or '无'}）"
            )
        form = form[ELEMENT]
        self.fill(step, form, fields or {})
        button = self.wd.find_in(form, "button[type=submit]")
        if button is None:
            raise SmokeFailure(f"提案流程“{step}”：“{code}”表单没有提交按钮")
        self.follow(step, button)
        return self.arrived(step, role, path, shot)

    def attach(self, role: str, pid: int) -> None:
        """The unit attaches a PDF to its answer through the real file
        input, then the page lists it; screenshots at 1366 and 360 px."""
        path = f"/proposals/{pid}"
        pdf = os.path.join(self.out, "办理情况说明.pdf")
        with open(pdf, "wb") as f:
            f.write(b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF\n")
        form = self.wd.find("form.upload")
        if form is None:
            raise SmokeFailure(f"提案流程“上传答复附件”：{role} 在 {path} 上没有上传附件的表单")
        chooser = self.wd.find_in(form, "input[type=file]")
        if chooser is None:
            raise SmokeFailure("提案流程“上传答复附件”：表单里没有选择文件的输入框")
        self.wd.s("POST", f"/element/{chooser}/value", {"text": os.path.abspath(pdf)})
        button = self.wd.find_in(form, "button[type=submit]")
        if button is None:
            raise SmokeFailure("提案流程“上传答复附件”：表单没有提交按钮")
        self.follow("上传答复附件", button)
        self.arrived("上传答复附件", role, path, "proposal-attachment")
        listed = self.wd.js("var l=document.querySelector('.file-list');return l?l.innerText:''")
        if "办理情况说明.pdf" not in (listed or ""):
            self.fail(f"提案流程“上传答复附件”：上传后 {path} 的附件列表里没有该文件（{listed!r}）")
        self.wd.set_width(360, 800)
        self.wd.go(self.base + path)
        self.wd.wait_ready()
        self.wd.js("var f=document.querySelector('.files');if(f)f.scrollIntoView()")
        self.arrived("查看答复附件", role, path, "proposal-attachment")
        self.wd.set_width(1366, 900)

    def proposal_flow(self) -> None:
        """One proposal from draft to 办结, each step on the real pages by
        the role that takes it, with screenshots along the way."""
        log("== 提案全流程")
        # 委员 drafts and submits on a phone.
        self.login("weiyuan", 360, 800)
        listing = self.visit("member", "proposals", "/proposals", 360)
        if listing.verdict == "FAIL":
            raise SmokeFailure("提案流程：委员打不开 /proposals")
        write = self.wd.find("main a[href='/proposals/new']")
        if write is None:
            raise SmokeFailure("提案流程：/proposals 上没有“撰写提案”按钮")
        self.wd.press(write)
        self.wd.wait_ready()
        self.arrived("撰写提案", "member", "/proposals/new", "proposal-new")
        draft = self.wd.need("form#draft")
        self.fill("填写提案", draft, PROPOSAL)
        self.follow("保存草稿", self.wd.need("form#draft button.secondary[type=submit]"))
        edit = re.fullmatch(r"/proposals/(\d+)/edit", urllib.parse.urlsplit(self.wd.url()).path)
        if edit is None:
            raise SmokeFailure(f"提案流程“保存草稿”：应到 /proposals/<id>/edit，实际在 {self.wd.url()}")
        pid = int(edit.group(1))
        self.arrived("保存草稿", "member", f"/proposals/{pid}/edit", "proposal-edit")
        if self.wd.find("#similar-h") is None:
            self.warn("提案草稿页没有“相似的已有提案”栏")
        submit = self.wd.need(f"form#draft button[formaction='/proposals/{pid}/submit']")
        self.follow("提交提案", submit)
        self.arrived("提交提案", "member", f"/proposals/{pid}", "proposal-submitted")
        self.logout("weiyuan")

        # 机关干部 reviews, files and assigns at a desk.
        self.login("shiganbu", 1366, 900)
        self.act("staff", pid, "开始审查", "start_review")
        self.act("staff", pid, "立案", "file", shot="proposal-filed")
        number = self.wd.js(
            "var t=[].slice.call(document.querySelectorAll('dl.facts dt')).filter(function(x){return x.textContent.trim()==='编号';})[0];"
            "return t&&t.nextElementSibling?t.nextElementSibling.textContent.trim():''"
        )
        if not re.fullmatch(r"第\d{4}号", number or ""):
            self.fail(f"提案流程“立案”：立案后编号应为“第000N号”，页面显示“{number}”")
        else:
            log(f"  ok   立案编号 {number}")
        self.act("staff", pid, "交办", "assign", {"mode": "single", "unit": ASSIGNED_UNIT})
        self.logout("shiganbu")

        # 承办单位 talks to the proposer and answers.
        self.login("chengban", 1366, 900)
        self.act("unit", pid, "办前沟通", "contact", {"note": CONTACT_NOTE})
        self.attach("unit", pid)
        self.act("unit", pid, "起草答复", "draft_answer", ANSWER)
        self.act("unit", pid, "提交答复", "submit_answer", shot="proposal-answered")
        self.logout("chengban")

        self.login("shiganbu", 1366, 900)
        self.act("staff", pid, "审核通过答复", "accept")
        self.logout("shiganbu")

        # 委员 rates the answer on a phone.
        self.login("weiyuan", 360, 800)
        self.wd.go(self.base + f"/proposals/{pid}")
        self.wd.wait_ready()
        self.arrived("打开评价表", "member", f"/proposals/{pid}", "proposal-rate")
        self.act("member", pid, "评价", "rate", {"satisfaction": "satisfied", "contacted": "是", "on_point": "是"}, shot="proposal-rated")
        if not self.wd.js("return document.body.innerText.indexOf('评价：满意') >= 0"):
            self.fail(f"提案流程“评价”：/proposals/{pid} 上看不到“评价：满意”")
        self.logout("weiyuan")

        self.login("shiganbu", 1366, 900)
        stage = self.act("staff", pid, "办结", "close", shot="proposal-closed")
        if stage and stage != "办结":
            self.warn(f"提案流程“办结”：办结后状态显示为“{stage}”")
        self.logout("shiganbu")

        self.login("weiyuan", 360, 800)
        self.wd.go(self.base + f"/proposals/{pid}")
        self.wd.wait_ready()
        self.arrived("查看办结的提案", "member", f"/proposals/{pid}", "proposal-closed")
        self.logout("weiyuan")

    # -- scenario -----------------------------------------------------------

    def demand_journey(self) -> None:
        """A citizen on a phone (360 px, no account): the public demand form,
        a wrong answer to the human check (input kept), the receipt with the
        tracking code and the tracking page; the form again at desk width."""
        log("== 群众诉求（公开表单，无需账号）")
        self.wd.delete_cookies()
        for width, height in ((360, 800), (1366, 900)):
            self.wd.set_width(width, height)
            self.wd.go(self.base + "/demand")
            self.wd.wait_ready()
            if self.wd.find("main form select#pick-org") is None:
                raise SmokeFailure("公开诉求表单：没有选择区县的下拉框")
            self.shot("citizen", "demand-form")
        self.wd.set_width(360, 800)
        org = self.wd.js("var o=document.querySelector('#pick-org option:nth-child(3)')||document.querySelector('#pick-org option:nth-child(2)');return o?o.value:''")
        self.wd.go(self.base + f"/demand?org={org}")
        self.wd.wait_ready()
        form = self.wd.need("main form[method='post'][action='/demand']")
        station = self.wd.js("var o=document.querySelector('#station option:nth-child(2)');return o?o.value:''")
        fields = {"category": "交通出行", "content": "学校门口上下学时段拥堵严重，建议设置临时停车位并增派交通协管员。", "name": "王女士", "phone": "13812345678"}
        if station:
            fields["station"] = station
        self.fill("公开诉求", form, fields)
        consent = self.wd.find_in(form, "input[name='consent']")
        if consent is None:
            raise SmokeFailure("公开诉求表单：没有同意勾选框")
        self.wd.click(consent)
        answer = self.wd.find_in(form, "input[name='answer']")
        self.wd.type(answer, "99")
        self.wd.press(self.wd.find_in(form, "button[type=submit]"))
        self.wd.wait_ready()
        kept = self.wd.js("var t=document.querySelector('#content');return t?t.value:''")
        if "学校门口" not in kept:
            raise SmokeFailure("公开诉求表单：验证题答错后，填写的内容没有保留")
        self.shot("citizen", "demand-wrong-answer")
        log("  ok   验证题答错：422，内容保留")
        question = self.wd.js("var l=document.querySelector(\"label[for='answer']\");return l?l.textContent:''")
        m = re.search(r"(\d+)\s*加\s*(\d+)", question)
        if not m:
            raise SmokeFailure(f"公开诉求表单：读不出验证题（{question}）")
        form = self.wd.need("main form[method='post'][action='/demand']")
        if not self.wd.js("return document.querySelector(\"input[name='consent']\").checked"):
            self.wd.click(self.wd.find_in(form, "input[name='consent']"))
        self.wd.type(self.wd.find_in(form, "input[name='answer']"), str(int(m.group(1)) + int(m.group(2))))
        self.wd.press(self.wd.find_in(form, "button[type=submit]"))
        self.wd.wait_ready()
        code = self.wd.js("var c=document.querySelector('#code');return c?c.textContent.trim():''")
        if not code.startswith("SQ"):
            raise SmokeFailure(f"公开诉求：提交后没有查询码（{self.page_problem() or self.wd.title()}）")
        rel = self.shot("citizen", "demand-done")
        self.results.append(Result("citizen", "/demand", 200, "ok", f"提交诉求 → 查询码 {code}", rel))
        log(f"  ok   提交诉求，查询码 {code}  [{rel}]")
        self.wd.go(self.base + f"/demand/track?code={code}")
        self.wd.wait_ready()
        text = self.wd.js("return document.querySelector('main').innerText")
        if "已受理" not in text or "13812345678" in text or "王女士" in text:
            raise SmokeFailure("诉求查询页：应显示“已受理”且不显示称呼和电话")
        overflow = self.wd.js("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 2:
            self.warn(f"诉求查询页在 360px 宽时横向溢出 {overflow}px")
        rel = self.shot("citizen", "demand-track")
        self.results.append(Result("citizen", "/demand/track", 200, "ok", "查询办理进度 → 已受理", rel))
        log(f"  ok   查询页显示状态，不含个人信息  [{rel}]")
        self.wd.go(self.base + "/demand/track?code=SQ23456789ABCD")
        self.wd.wait_ready()
        self.shot("citizen", "demand-track-unknown")

    def run(self) -> None:
        self.check_health()
        self.check_anonymous()
        try:
            self.demand_journey()
        except SmokeFailure as e:
            self.fail(str(e))
        self.wd.delete_cookies()

        # 委员 on a phone.
        self.login("weiyuan", 360, 800)
        for name, path in (
            ("home", "/"),
            ("me", "/me"),
            ("messages", "/messages"),
            ("me-password", "/me/password"),
            ("me-sessions", "/me/sessions"),
            ("supervision", "/supervision"),
            ("letters", "/letters"),
        ):
            self.visit("member", name, path, 360)
        self.wd.go(self.base + "/")
        self.wd.wait_ready()
        self.toggle_elder("member", 360)
        for path in ("/members/new", "/admin/accounts", "/security/policy", "/audit"):
            self.denied("member", path)
        self.logout("weiyuan")

        # 市政协机关干部 at a desk.
        self.login("shiganbu", 1366, 900)
        self.visit("staff", "home", "/", 1366)
        members = self.visit("staff", "members", "/members", 1366)
        detail = None
        if members.status == 200:
            detail = self.wd.js(
                "var a=[].slice.call(document.querySelectorAll('main a[href]')).map(function(x){return x.getAttribute('href')})"
                ".filter(function(h){return /^\\/members\\/\\d+$/.test(h)});return a.length?a[0]:null"
            )
        if detail:
            self.visit("staff", "member-detail", detail, 1366)
        elif members.status == 200:
            (self.fail if self.strict else self.warn)("/members 列表里没有指向 /members/<id> 的链接")
        else:
            self.warn("跳过委员详情：/members 不可用")
        self.visit("staff", "member-new", "/members/new", 1366)
        self.visit("staff", "members-import", "/members/import", 1366)
        self.visit("staff", "structure", "/structure", 1366)
        self.visit("staff", "structure-sectors", "/structure/sectors", 1366)
        # The closed loops: the supervision board and one topic, letters, and
        # the deadline settings of stations and supervision.
        board = self.visit("staff", "supervision", "/supervision", 1366)
        topic = None
        if board.status == 200:
            topic = self.wd.js(
                "var a=[].slice.call(document.querySelectorAll('main a[href]')).map(function(x){return x.getAttribute('href')})"
                ".filter(function(h){return /^\\/supervision\\/\\d+$/.test(h)});return a.length?a[0]:null"
            )
        if topic:
            self.visit("staff", "supervision-topic", topic, 1366)
        self.visit("staff", "letters", "/letters", 1366)
        self.visit("staff", "settings-supervision", "/settings/supervision", 1366)
        self.visit("staff", "settings-stations", "/settings/stations", 1366)
        self.page_weight()
        for path in ("/admin/accounts", "/security/roles", "/audit"):
            self.denied("staff", path)
        self.wd.set_width(360, 800)
        self.visit("staff", "members", "/members", 360)
        if detail:
            self.visit("staff", "member-detail", detail, 360)
        if topic:
            self.visit("staff", "supervision-topic", topic, 360)
        self.visit("staff", "settings-supervision", "/settings/supervision", 360)
        self.wd.set_width(1366, 900)
        self.logout("shiganbu")

        # 三员: each sees only their own work.
        admins = (
            ("xitong", "sys_admin", (("home", "/"), ("accounts", "/admin/accounts")), ("/security/policy", "/audit", "/members")),
            (
                "anquan",
                "sec_admin",
                (("home", "/"), ("security-roles", "/security/roles"), ("security-policy", "/security/policy"), ("security-tokens", "/security/tokens")),
                ("/admin/accounts", "/audit", "/members"),
            ),
            ("shenji", "audit_admin", (("home", "/"), ("audit", "/audit")), ("/admin/accounts", "/security/policy", "/members")),
        )
        for login, role, pages, forbidden in admins:
            self.login(login, 1366, 900)
            for name, path in pages:
                self.visit(role, name, path, 1366)
            for path in forbidden:
                self.denied(role, path)
            self.logout(login)

        try:
            self.proposal_flow()
        except SmokeFailure as e:
            self.fail(str(e))
            try:
                log(f"  出错时的页面：{self.wd.url()}  [{self.shot('proposal', 'failure')}]")
                self.wd.delete_cookies()
            except SmokeFailure:
                pass

        self.console()

    def summary(self) -> None:
        log("")
        log("== 结果")
        width = max((len(r.role) for r in self.results), default=4)
        for r in self.results:
            log(f"  {r.verdict:4}  {r.role:<{width}}  {str(r.status or '-'):>3}  {r.path}  {r.note}")
        log(f"截图目录：{os.path.relpath(self.out)}（{len([f for f in os.listdir(self.out) if f.endswith('.png')])} 张）")
        if self.warnings:
            log(f"警告 {len(self.warnings)} 条：")
            for w in self.warnings:
                log(f"  - {w}")


# ---------------------------------------------------------------------------
# Processes


def wait_http(url: str, proc: subprocess.Popen, what: str, timeout: float, logfile: str | None = None) -> None:
    deadline = time.time() + timeout
    last = ""
    while time.time() < deadline:
        if proc.poll() is not None:
            tail = ""
            if logfile and os.path.exists(logfile):
                with open(logfile, encoding="utf-8", errors="replace") as f:
                    tail = "".join(f.readlines()[-30:])
            raise SmokeFailure(f"{what} 启动失败（退出码 {proc.returncode}）\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, socket.timeout, http.client.HTTPException) as e:
            last = str(e)
        time.sleep(0.5)
    raise SmokeFailure(f"{what} 在 {timeout:.0f} 秒内没有就绪：{last}")


def stop(proc: subprocess.Popen | None, name: str) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        log(f"{name} 未在 15 秒内退出，强制结束")
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


def default_binary() -> str:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(root, "target")
    return os.path.join(target, "release", "zhengxie")


def main() -> int:
    parser = argparse.ArgumentParser(description="数字政协浏览器冒烟测试")
    parser.add_argument("--bin", default=default_binary(), help="zhengxie 可执行文件（默认 target/release/zhengxie）")
    parser.add_argument("--out", default="artifacts/screenshots", help="截图目录")
    parser.add_argument("--strict", action="store_true", default=os.environ.get("SMOKE_STRICT") == "1", help="页面 403/404 也算失败")
    parser.add_argument("--keep", action="store_true", help="保留临时数据目录（排查用）")
    parser.add_argument("--start-timeout", type=float, default=900, help="等待服务就绪（含载入演示数据）的秒数")
    args = parser.parse_args()

    for tool in (args.bin, "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"):
        if not os.access(tool, os.X_OK):
            log(f"冒烟测试失败：找不到可执行文件 {tool}（先运行 cargo build --release；apt-get install chromium chromium-driver fonts-noto-cjk）")
            return 1

    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".png"):
            os.remove(os.path.join(args.out, old))

    tmp = tempfile.mkdtemp(prefix="zhengxie-smoke-")
    server = driver = None
    wd: WebDriver | None = None
    smoke: Smoke | None = None
    code = 1
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ZHENGXIE_")}
        env.update({"ZHENGXIE_DATA_DIR": os.path.join(tmp, "data"), "ZHENGXIE_LOG": os.environ.get("ZHENGXIE_LOG", "warn")})
        server_log = os.path.join(tmp, "server.log")
        log(f"== 启动 {args.bin} serve --demo（{base}，数据目录 {tmp}）")
        started = time.time()
        with open(server_log, "wb") as out:
            server = subprocess.Popen(
                [args.bin, "--db", f"sqlite://{tmp}/zx.db", "serve", "--demo", "--listen", f"127.0.0.1:{port}"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        wait_http(base + "/healthz", server, "zhengxie", args.start_timeout, server_log)
        log(f"  ok   服务就绪（含载入演示数据）用时 {time.time() - started:.1f} 秒")

        dport = free_port()
        driver_log = os.path.join(tmp, "chromedriver.log")
        with open(driver_log, "wb") as out:
            driver = subprocess.Popen(
                [shutil.which("chromedriver") or "/usr/bin/chromedriver", f"--port={dport}"],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        wait_http(f"http://127.0.0.1:{dport}/status", driver, "chromedriver", 60, driver_log)
        wd = WebDriver(f"http://127.0.0.1:{dport}")
        wd.start(os.path.join(tmp, "chrome-profile"))

        smoke = Smoke(base, wd, args.out, args.strict)
        smoke.run()
        smoke.summary()
        if smoke.failures:
            log(f"\n冒烟测试失败：{len(smoke.failures)} 项")
            for f in smoke.failures:
                log(f"  - {f}")
        else:
            log("\n冒烟测试通过")
            code = 0
    except SmokeFailure as e:
        if smoke is not None:
            smoke.summary()
        log(f"\n冒烟测试失败：{e}")
    except Exception as e:  # noqa: BLE001 - report anything, then clean up
        log(f"\n冒烟测试失败（脚本异常）：{type(e).__name__}: {e}")
        import traceback

        traceback.print_exc()
    finally:
        if wd is not None:
            wd.quit()
        stop(driver, "chromedriver")
        stop(server, "zhengxie")
        server_log = os.path.join(tmp, "server.log")
        if code != 0 and os.path.exists(server_log):
            with open(server_log, encoding="utf-8", errors="replace") as f:
                lines = f.readlines()
            if lines:
                log("---- 服务日志（最后 40 行）----")
                sys.stdout.write("".join(lines[-40:]))
        if args.keep:
            log(f"临时目录保留在 {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
