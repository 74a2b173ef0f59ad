"""Benchmark: the interactive page in headless Chromium (goals: interactive < 1 s, update < 50 ms).

Publishes the example page (printing its size and how many catalogue texts it
embeds), then, offline (every non-file: request aborted):

- time to interactive: N fresh loads; the page's own clock (``performance.now()``
  since navigation start) when its script has wired the controls and drawn the
  result (``BeltReport.readyMs``), and the wall time from ``goto`` to that point;
- update per change: M answer changes (every field, personas and belts
  included, which swap the effort plot), each dispatched as the browser's
  ``input`` event; the time the page takes to re-assess and redraw
  (synchronous handler) and until the next frame is painted;
- language switches, the heaviest change (every text and both plots).

Prints medians, 95th percentiles and maxima in milliseconds.
"""
from __future__ import annotations

import pathlib
import statistics
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from beltlib import example_answers  # noqa: E402
from beltlib.publish.interactive import publish_interactive  # noqa: E402
from beltlib.texts import CATALOGUE  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LOADS = 15
CHANGES = 300

# Run in the page: change one control, time the synchronous update and the next painted frame.
CHANGE_LOOP = """async (n) => {
  const fields = window.BeltReport.data.field_order;
  const specs = window.BeltReport.data.fields;
  const sync = [], frame = [];
  const nextFrame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const values = {connections: [5, 19, 20, 150, 250, 3000], groups: [0, 1, 4],
                  hours_per_week: [0, 0.05, 1, 7, 60, 2.5]};
  for (let i = 0; i < n; i++) {
    const f = fields[i % fields.length];
    const c = document.querySelector(".belt-q-" + f + " input, .belt-q-" + f + " select");
    const spec = specs[f];
    if (spec.kind === "bool") c.checked = !c.checked;
    else if (spec.kind === "choice") c.value = spec.choices[(spec.choices.indexOf(c.value) + 1) % spec.choices.length];
    else { const v = values[f]; c.value = String(v[(v.indexOf(Number(c.value)) + 1) % v.length]); }
    const t0 = performance.now();
    c.dispatchEvent(new Event("input", {bubbles: true}));
    const t1 = performance.now();
    await nextFrame();
    sync.push(t1 - t0);
    frame.push(performance.now() - t0);
  }
  return {sync, frame, belt: document.querySelector(".belt-result").getAttribute("data-belt")};
}"""

LANG_LOOP = """async (n) => {
  const sel = document.querySelector(".belt-lang select");
  const out = [];
  for (let i = 0; i < n; i++) {
    sel.value = sel.value === "en" ? "fr" : "en";
    const t0 = performance.now();
    sel.dispatchEvent(new Event("change", {bubbles: true}));
    out.push(performance.now() - t0);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return out;
}"""


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="belt-bench-") as tmp:
        start = time.perf_counter()
        page_path = publish_interactive(example_answers(), output=pathlib.Path(tmp) / "page.html")
        build_s = time.perf_counter() - start
        size_kb = page_path.stat().st_size / 1000
        blocked: list[str] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            ready_ms, script_ms, wall_ms = [], [], []
            for _ in range(LOADS):
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                          else (blocked.append(r.request.url), r.abort()))
                page = ctx.new_page()
                t0 = time.perf_counter()
                page.goto(page_path.resolve().as_uri())
                page.wait_for_selector("html[data-belt-ready]", state="attached")
                wall_ms.append((time.perf_counter() - t0) * 1000)
                ready_ms.append(page.evaluate("window.BeltReport.readyMs"))
                script_ms.append(page.evaluate("window.BeltReport.readyMs - window.BeltReport.startMs"))
                ctx.close()
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                      else (blocked.append(r.request.url), r.abort()))
            page = ctx.new_page()
            page.goto(page_path.resolve().as_uri())
            page.wait_for_selector("html[data-belt-ready]", state="attached")
            texts = page.evaluate("Object.keys(window.BeltReport.data.catalogue.en).length")
            changes = page.evaluate(CHANGE_LOOP, CHANGES)
            langs = page.evaluate(LANG_LOOP, 40)
            browser.close()
    print(f"interactive page: {size_kb:.0f} KB (limit 600 KB), built in {build_s:.2f} s; "
          f"network requests attempted: {len(blocked)}; embedded texts: {texts} of the catalogue's "
          f"{len(CATALOGUE['en'])} keys per language")
    print(f"time to interactive after navigation start ({LOADS} fresh loads): {summary(ready_ms)} (goal < 1000 ms); "
          f"page script alone {summary(script_ms)}; goto to ready (wall) {summary(wall_ms)}")
    print(f"update per answer change ({CHANGES} changes, every field): {summary(changes['sync'])} (goal < 50 ms); "
          f"until the next frame is painted {summary(changes['frame'])}")
    print(f"language switch (40 switches, every text and both plots): {summary(langs)}")


if __name__ == "__main__":
    main()
