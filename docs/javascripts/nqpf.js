/* The reading site's behaviour. Everything here is an enhancement: without
   JavaScript every timeline event shows, tooltips still open on hover and
   focus (CSS), and quotes open on click. No inline scripts (CSP). */
(function () {
  "use strict";

  /* ---- Timeline filter: hide events not in the chosen category and year ---- */

  function setupTimelineFilter() {
    var form = document.querySelector("form.nqpf-timeline-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var category = form.elements.category;
    var year = form.elements.year;
    var status = form.querySelector(".nqpf-filter-status");
    var events = Array.prototype.slice.call(document.querySelectorAll(".nqpf-event"));

    function apply(updateUrl) {
      var shown = 0;
      events.forEach(function (event) {
        var visible = (!category.value || event.dataset.category === category.value) &&
                      (!year.value || event.dataset.year === year.value);
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      document.querySelectorAll(".nqpf-month, .nqpf-year").forEach(function (group) {
        group.hidden = !group.querySelector(".nqpf-event:not([hidden])");
      });
      status.textContent = category.value || year.value
        ? "Showing " + shown + " of " + events.length + " events."
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

  /* ---- Tooltips: Escape dismisses the one under the pointer or focus ------- */

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".nqpf-term-wrap:hover, .nqpf-term-wrap:focus-within").forEach(function (wrap) {
      wrap.classList.add("nqpf-tip-dismissed");
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var wrap = event.target.closest && event.target.closest(".nqpf-tip-dismissed");
      if (wrap && !wrap.contains(event.relatedTarget)) wrap.classList.remove("nqpf-tip-dismissed");
    });
  });

  /* ---- Print: open every folded quote, then fold them again ---------------- */

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.nqpf-quotes"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  /* Material's document$ emits on every page load, including instant navigation. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setupTimelineFilter);
  } else {
    setupTimelineFilter();
  }
})();
