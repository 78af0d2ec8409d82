"""How tall a skipped entry's placeholder is: each long-list entry (a source, a glossary term, a timeline
event) gets a size class, ``nqpf-size-<rem>``, from an estimate of its height on a phone.

``content-visibility: auto`` lays out an entry off screen as a box of ``contain-intrinsic-size``. Where
that box is shorter than the entry, an audit that forces layout without scrolling (Lighthouse, axe)
finds the entry's links spilling over the next entry and reports them as obscured touch targets.
The estimate errs long: at 412 px wide it was at least the real height of every one of the 448 entries
of the Sources, Glossary and Timeline pages when measured (Dec 2026; 120 px, plus 0.6 px a character of
visible text, plus 32 px a block), and once an entry has been drawn the browser keeps its real size.
"""

from __future__ import annotations

import html as htmllib
import math
import re

# The entries whose placeholder this sizes (the stylesheet's content-visibility rule names the same).
_ENTRY = re.compile(r'<(section|li) class="nqpf-entry (nqpf-source|nqpf-term-entry|nqpf-event)\b([^"]*)"')
_FOLDED = re.compile(r"<details[^>]*>\s*<summary[^>]*>(.*?)</summary>.*?</details>", re.S)
_BLOCK = re.compile(r"<(?:p|li|dt|dd|h2|h3|h4|tr|blockquote)\b")
_TAG = re.compile(r"<[^>]+>")

BASE_PX, PER_CHAR_PX, PER_BLOCK_PX, ROOT_PX = 120, 0.6, 32, 20
STEP_REM, MIN_REM, MAX_REM = 8, 16, 240
SIZES = tuple(range(MIN_REM, MAX_REM + 1, STEP_REM))  # the classes the stylesheet defines


def estimate_rem(chunk: str) -> int:
    """The placeholder height, in rem, for an entry's HTML: a closed fold counts as its summary only."""
    shown = _FOLDED.sub(r"<p>\1</p>", chunk)
    text = " ".join(htmllib.unescape(_TAG.sub(" ", shown)).split())
    px = BASE_PX + PER_CHAR_PX * len(text) + PER_BLOCK_PX * len(_BLOCK.findall(shown))
    rem = STEP_REM * math.ceil(px / ROOT_PX / STEP_REM)
    return max(MIN_REM, min(MAX_REM, rem))


def sized(html: str) -> str:
    """The page with a size class on each long-list entry; a page without such entries is unchanged."""
    starts = [m for m in _ENTRY.finditer(html)]
    if not starts:
        return html
    out, last = [], 0
    for k, m in enumerate(starts):
        close = html.find("</article>", m.start())
        end = starts[k + 1].start() if k + 1 < len(starts) else (close if close > 0 else len(html))
        size = estimate_rem(html[m.start():end])
        out.append(html[last:m.end() - 1])
        out.append(f' nqpf-size-{size}"')
        last = m.end()
    out.append(html[last:])
    return "".join(out)
