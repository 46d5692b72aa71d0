"""Debian's chromium driven by Playwright (no browser download), for the browser tests."""

from __future__ import annotations

import shutil
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

# Every <text> of the first <svg> on the page whose box (as the browser lays it out, in the
# picture's own units) leaves the viewBox: [text, left, top, right, bottom].
TEXT_OUTSIDE_VIEWBOX_JS = """() => {
  const svg = document.querySelector('svg');
  const vb = svg.viewBox.baseVal;
  const out = [];
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBBox();
    if (b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width
        || b.y + b.height > vb.y + vb.height) {
      out.push([t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]);
    }
  }
  return out;
}"""


def launch(pw: Any) -> Any:
    """A headless chromium browser (the caller closes it)."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
