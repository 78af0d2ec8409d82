/* The reading site's one script (deferred: it runs once the page is parsed, after Material's).
   Everything here is an enhancement: without JavaScript every timeline event and axis mark
   shows, tooltips still open on hover and focus (CSS), quotes and "Cite" panels open on click
   (<details>), and the ¶ links go to their entries. No inline scripts (CSP). */
(function () {
  "use strict";

  /* ---- Timeline filter: hide events, and their marks on the time axis, not in the
          chosen category and year ------------------------------------------------------ */

  function setupTimelineFilter() {
    var form = document.querySelector("form.nqpf-timeline-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var category = form.elements.category;
    var year = form.elements.year;
    var status = form.querySelector(".nqpf-filter-status");
    var events = Array.prototype.slice.call(document.querySelectorAll(".nqpf-event"));
    var marks = Array.prototype.slice.call(document.querySelectorAll(".nqpf-axis-mark"));

    function matches(item) {
      return (!category.value || item.dataset.category === category.value) &&
             (!year.value || item.dataset.year === year.value);
    }

    function apply(updateUrl) {
      var shown = 0;
      events.forEach(function (event) {
        var visible = matches(event);
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      // SVG elements have no `hidden` attribute (invalid there): a class hides the mark.
      marks.forEach(function (mark) {
        mark.classList.toggle("nqpf-axis-mark--off", !matches(mark));
      });
      document.querySelectorAll(".nqpf-month, .nqpf-year").forEach(function (group) {
        group.hidden = !group.querySelector(".nqpf-event:not([hidden])");
      });
      status.textContent = category.value || year.value
        ? "Showing " + shown + " of " + events.length + " events" + (marks.length ? ", in the list and on the time axis." : ".")
        : "";
      if (updateUrl) {
        var url = new URL(window.location.href);
        ["category", "year"].forEach(function (name) {
          var value = form.elements[name].value;
          if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
        });
        window.history.replaceState(null, "", url);
      }
    }

    var params = new URLSearchParams(window.location.search);
    [category, year].forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A link to an event the filter hides shows everything again.
    window.addEventListener("hashchange", function () {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target && target.closest("[hidden]")) {
        form.reset();
        apply(true);
        target.scrollIntoView();
      }
    });
    form.hidden = false;
    apply(false);
  }

  /* ---- Tooltips: Escape dismisses the one under the pointer or focus ------------------- */

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".nqpf-term-wrap:hover, .nqpf-term-wrap:focus-within").forEach(function (wrap) {
      wrap.classList.add("nqpf-tip-dismissed");
    });
    // ... and closes an open "Cite" panel, handing focus back to its "Cite".
    var open = document.activeElement && document.activeElement.closest &&
               document.activeElement.closest("details.nqpf-cite[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var wrap = event.target.closest && event.target.closest(".nqpf-tip-dismissed");
      if (wrap && !wrap.contains(event.relatedTarget)) wrap.classList.remove("nqpf-tip-dismissed");
    });
  });

  /* ---- "Cite": one panel open at a time; copy buttons ---------------------------------- */

  document.addEventListener("toggle", function (event) {
    var opened = event.target;
    if (!opened.matches || !opened.matches("details.nqpf-cite") || !opened.open) return;
    document.querySelectorAll("details.nqpf-cite[open]").forEach(function (other) {
      if (other !== opened) other.open = false;
    });
    addCopyButtons(opened.querySelector(".nqpf-cite__panel"));
  }, true);

  var status = null;

  function announce(text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "nqpf-visually-hidden";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    // Emptying first makes a repeated message be announced again.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyText(button) {
    var panel = button.closest(".nqpf-cite__panel");
    var what = button.getAttribute("data-nqpf-copy");
    if (what === "link") return panel.getAttribute("data-permalink");
    var source = panel.querySelector(what === "bibtex" ? ".nqpf-cite__bibtex" : ".nqpf-cite__apa");
    return source ? source.textContent : "";
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-nqpf-copy]") : null;
    if (!button) return;
    navigator.clipboard.writeText(copyText(button)).then(function () {
      button.classList.add("nqpf-copied");
      window.setTimeout(function () { button.classList.remove("nqpf-copied"); }, 2000);
      announce(button.textContent.replace("Copy", "Copied") + ".");
    }, function () {
      announce("Copying was refused; select the text instead.");
    });
  });

  /* The copy buttons are made when a panel first opens: a long page has one panel per entry, and
     buttons that only the script can work are no use without it. The clipboard needs a secure
     context (https:, or http: on the loopback address). */
  function addCopyButtons(panel) {
    if (panel.querySelector(".nqpf-cite__copy") || !navigator.clipboard || !window.isSecureContext) return;
    var row = document.createElement("p");
    row.className = "nqpf-cite__copy";
    [["apa", "Copy APA"], ["bibtex", "Copy BibTeX"], ["link", "Copy link"]].forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-nqpf-copy", item[0]);
      button.textContent = item[1];
      row.appendChild(button);
    });
    panel.appendChild(row);
  }

  /* ---- Print: open every folded quote, context, definition and date reasoning, and the page's citation, then fold them again ---- */

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.nqpf-quotes, details.nqpf-context-box, details.nqpf-more, details.nqpf-date-basis, details.nqpf-page-cite"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  function setup() {
    setupTimelineFilter();
  }

  /* Material's document$ emits on every page load, including instant navigation. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else {
    setup();
  }
})();
