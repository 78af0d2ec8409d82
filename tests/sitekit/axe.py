"""Running axe-core in a loaded page, and reporting what it finds."""

from __future__ import annotations

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does

from .tools import AXE_JS, require


def axe_source() -> str:
    return AXE_JS.read_text("utf-8")


# The rules whose verdict depends on the colours painted: axe's "cat.color" rules, less the AAA one
# (color-contrast-enhanced) that axe runs only on request. What a second palette can change on the
# same document.
AXE_COLOUR_RULES = ("color-contrast", "link-in-text-block")
# On a phone, in the dark palette: the colour rules, and the size and spacing of targets (WCAG 2.2, 2.5.8,
# the rule Lighthouse's target-size audit runs), which only a narrow layout can break.
AXE_PHONE_RULES = (*AXE_COLOUR_RULES, "target-size")


def run_axe(page, rules: tuple[str, ...] | None = None) -> list[dict]:
    """axe-core's violations on the open page (every rule axe runs by default, or only ``rules``),
    with every entry drawn.

    Entries far from the screen are not rendered (content-visibility: auto), and Chromium answers
    getComputedStyle inside them with styles from before the palette was applied: axe would judge
    a dark page by its light colours. A reader only ever sees an entry drawn, so axe does too."""
    page.evaluate("""async () => {
        document.querySelectorAll('.nqpf-entry, .nqpf-entry > *').forEach(e => e.style.setProperty('content-visibility', 'visible'));
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    }""")
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
    # (a <script> tag of it would be refused): the page is judged under its own policy.
    page.evaluate(axe_source() + "\n;0")
    return page.evaluate(
        """async rules => {
            const options = {resultTypes: ["violations"]};
            if (rules) options.runOnly = {type: "rule", values: rules};
            const result = await axe.run(document, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
            }));
        }""",
        list(rules) if rules else None,
    )


def assert_axe_passes(page, scheme: str, rules: tuple[str, ...] | None = None) -> None:
    """axe finds nothing on ``page`` in the palette ``scheme`` (light: every rule; dark: the colour rules,
    or ``rules``)."""
    require(AXE_JS.is_file(), f"{AXE_JS} is missing: run `npm ci --ignore-scripts`")
    expected = "slate" if scheme == "dark" else "default"
    # The palette follows the reader's preference once the theme's script has run: wait for it, never race it.
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'", timeout=15_000)
    # The palette changes colours only, on the same document: in the dark one, the rules that read colours.
    violations = run_axe(page, rules=rules or (AXE_COLOUR_RULES if scheme == "dark" else None))
    assert violations == [], "\n" + format_violations(violations)


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {n}" for n in v["nodes"][:5])
    return "\n".join(lines)


