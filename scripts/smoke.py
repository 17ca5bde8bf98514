#!/usr/bin/env python3
"""Browser smoke test for 数字政协 (Zhengxie).

Starts the release binary with a fresh SQLite database and the city-scale
demo data, starts chromedriver, and drives headless Chromium over the raw
W3C WebDriver protocol (urllib + json, no third-party packages):

  * logs in as each demo role and walks the pages that role uses,
  * saves a screenshot of every page to artifacts/screenshots/<role>-<page>-<width>.png,
  * records each page's HTTP status (fetched again with the browser's cookie),
  * checks the elder-mode switch, logging out, and that /members weighs
    under 60 KiB (HTML + app.css + app.js).

It fails (exit 1) on: a 5xx, a page that does not render (no <main>, or the
"系统繁忙" error page), a broken login or logout, a business page that an
administrator or member can open when they must not, or /members too heavy.
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

    def type(self, el: str, text: str) -> None:
        self.s("POST", f"/element/{el}/clear", {})
        self.s("POST", f"/element/{el}/value", {"text": text})

    def click(self, el: str) -> None:
        self.s("POST", f"/element/{el}/click", {})

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
        after = self.wd.js("return document.documentElement.classList.contains('elder')")
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

    # -- scenario -----------------------------------------------------------

    def run(self) -> None:
        self.check_health()
        self.check_anonymous()
        self.wd.delete_cookies()

        # 委员 on a phone.
        self.login("weiyuan", 360, 800)
        for name, path in (
            ("home", "/"),
            ("me", "/me"),
            ("messages", "/messages"),
            ("me-password", "/me/password"),
            ("me-sessions", "/me/sessions"),
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
        self.page_weight()
        for path in ("/admin/accounts", "/security/roles", "/audit"):
            self.denied("staff", path)
        self.wd.set_width(360, 800)
        self.visit("staff", "members", "/members", 360)
        if detail:
            self.visit("staff", "member-detail", detail, 360)
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
