"""Headless Chromium for the page tests, driven over the DevTools protocol on a pipe.

Chromium started with --remote-debugging-pipe reads protocol messages from file
descriptor 3 and writes to 4, each a JSON text ending in a NUL byte. That needs no
driver and no package: only the browser (Debian's chromium; APG_CHROMIUM names another).
Every message for a page is kept, so a test can look for console errors, uncaught
exceptions, dialogs and network requests after the fact.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--mute-audio",
    "--hide-scrollbars", "--font-render-hinting=none", "--remote-debugging-pipe",
)  # fmt: skip
# windowsVirtualKeyCode of the keys the tests press
KEY_CODES = {
    "ArrowLeft": 37, "ArrowUp": 38, "ArrowRight": 39, "ArrowDown": 40, "Home": 36, "End": 35,
    "Enter": 13, "Escape": 27, "Tab": 9, "+": 187, "-": 189, "0": 48,
}  # fmt: skip


class ProtocolError(RuntimeError):
    """The browser answered a command with an error, or did not answer in time."""


def find_chromium() -> str:
    named = os.environ.get("APG_CHROMIUM")
    found = named or next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if not found:
        raise RuntimeError("the page tests need Chromium: apt-get install chromium (or set APG_CHROMIUM)")
    return found


class Browser:
    def __init__(self, executable: str | None = None) -> None:
        self.profile = tempfile.mkdtemp(prefix="apg-chromium-")
        to_browser, self._writer = os.pipe()
        self._reader, from_browser = os.pipe()

        def on_fds_3_and_4() -> None:  # runs in the child before exec
            read_end, write_end = os.dup(to_browser), os.dup(from_browser)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable or find_chromium(), *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=on_fds_3_and_4,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self.messages: dict[str | None, list[dict[str, Any]]] = {}

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._writer, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            for reply in self._receive(deadline - time.monotonic()):
                if reply.get("id") == ident:
                    if "error" in reply:
                        raise ProtocolError(f"{method}: {reply['error']}")
                    result: dict[str, Any] = reply.get("result", {})
                    return result
            if time.monotonic() > deadline:
                raise ProtocolError(f"{method}: no answer in {timeout} s")

    def pump(self, seconds: float) -> None:
        """Read what the browser sends for SECONDS."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for _ in self._receive(deadline - time.monotonic()):
                pass

    def _receive(self, timeout: float) -> list[dict[str, Any]]:
        ready, _, _ = select.select([self._reader], [], [], max(timeout, 0))
        if ready:
            chunk = os.read(self._reader, 1 << 20)
            if not chunk:
                raise ProtocolError("the browser closed the pipe")
            self._buffer += chunk
        replies = []
        while b"\0" in self._buffer:
            raw, self._buffer = self._buffer.split(b"\0", 1)
            message = json.loads(raw)
            if "id" in message:
                replies.append(message)
            else:
                self.messages.setdefault(message.get("sessionId"), []).append(message)
                if message.get("method") == "Page.javascriptDialogOpening":  # a dialog would block the page
                    self._next_id += 1
                    dismiss = {"id": self._next_id, "method": "Page.handleJavaScriptDialog",
                               "params": {"accept": False}, "sessionId": message.get("sessionId")}
                    os.write(self._writer, json.dumps(dismiss).encode() + b"\0")
        return replies

    def new_page(self, width: int, height: int, mobile: bool = False) -> Page:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = Page(self, session, target)
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.call(f"{domain}.enable")
        page.resize(width, height, mobile)
        return page

    def close(self) -> None:
        with contextlib.suppress(ProtocolError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for descriptor in (self._reader, self._writer):
            os.close(descriptor)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab: load a URL, run script, press keys, click, take screenshots."""

    def __init__(self, browser: Browser, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        return self.browser.call(method, self.session, **params)

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.browser.messages.setdefault(self.session, [])

    def resize(self, width: int, height: int, mobile: bool = False) -> None:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        self.call("Emulation.setTouchEmulationEnabled", enabled=mobile, maxTouchPoints=5)

    def goto(self, url: str) -> None:
        loads = self._count("Page.loadEventFired")
        self.call("Page.navigate", url=url)
        self.wait(lambda: self._count("Page.loadEventFired") > loads, f"load of {url}")
        self.settle()

    def _count(self, method: str) -> int:
        return sum(message["method"] == method for message in self.messages)

    def wait(self, done: Any, what: str, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                raise ProtocolError(f"timed out waiting for {what}")
            self.browser.pump(0.02)

    def settle(self) -> None:
        """Let the page draw what it scheduled (two animation frames)."""
        self.js("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")

    def until(self, expression: str, timeout: float = 5) -> Any:
        """Wait for EXPRESSION to be true in the page (a debounced change, say), and return it."""
        deadline = time.monotonic() + timeout
        while not (value := self.js(expression)):
            if time.monotonic() > deadline:
                raise ProtocolError(f"timed out waiting for {expression}")
            time.sleep(0.02)
        return value

    def js(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True,
                          userGesture=True)
        if "exceptionDetails" in reply:
            raise ProtocolError(f"{expression!r} threw {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def centre(self, selector: str, inset: float | None = None) -> tuple[float, float]:
        """The middle of what SELECTOR finds, scrolled into sight; with INSET, that far in from its left edge."""
        box = self.js(f"(() => {{ const node = document.querySelector({json.dumps(selector)});"
                      " node.scrollIntoView({block: 'nearest', inline: 'nearest'});"
                      " const r = node.getBoundingClientRect();"
                      f" return [r.left + Math.min(r.width / 2, {json.dumps(inset)} ?? Infinity),"
                      " r.top + r.height / 2]; })()")
        return box[0], box[1]

    def click(self, selector: str, inset: float | None = 6) -> None:
        """A left click INSET pixels in from the left (where an event's mark is), or in the middle."""
        x, y = self.centre(selector, inset=inset)
        self.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
        self.mouse("mouseReleased", x, y, button="left", buttons=0, clickCount=1)
        self.settle()

    def mouse(self, kind: str, x: float, y: float, **extra: Any) -> None:
        self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)

    def drag(self, selector: str, dx: float, steps: int = 8) -> None:
        x, y = self.centre(selector)
        self.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
        for step in range(1, steps + 1):
            self.mouse("mouseMoved", x + dx * step / steps, y, button="left", buttons=1)
        self.mouse("mouseReleased", x + dx, y, button="left", buttons=0, clickCount=1)
        self.settle()

    def touch(self, *strokes: list[tuple[float, float]]) -> None:
        """Fingers moving together: each stroke is one finger's points, all of the same length."""
        def points(index: int) -> list[dict[str, float]]:
            return [{"x": stroke[index][0], "y": stroke[index][1], "id": finger} for finger, stroke in enumerate(strokes)]

        self.call("Input.dispatchTouchEvent", type="touchStart", touchPoints=points(0))
        for index in range(1, len(strokes[0])):
            self.call("Input.dispatchTouchEvent", type="touchMove", touchPoints=points(index))
        self.call("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])
        self.settle()

    def key(self, key: str, shift: bool = False) -> None:
        code = KEY_CODES[key]
        text = "\r" if key == "Enter" else key if len(key) == 1 else ""
        modifiers = 8 if shift else 0
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, windowsVirtualKeyCode=code, text=text,
                  modifiers=modifiers)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code, modifiers=modifiers)
        self.settle()

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", **params)["data"]))

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and dialogs since the page was opened."""
        found = []
        for message in self.messages:
            method, params = message["method"], message.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {[a.get('value') for a in params['args']]}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params['message']}")
        return found

    def requests(self) -> list[str]:
        """Every URL the page asked for."""
        return [m["params"]["request"]["url"] for m in self.messages if m["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        self.browser.call("Target.closeTarget", targetId=self.target)
