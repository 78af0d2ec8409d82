// Copy-link buttons for entries: progressive enhancement of <a class="nqpf-permalink">.
// Without this script the link still goes to the entry's anchor. With it, a click copies
// the entry's permanent URL (data-permalink) and a polite live region says so; if the
// clipboard is unavailable (an insecure origin, a refusal), the link works as a link.
(function () {
  "use strict";
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

  function mark(link) {
    link.classList.add("nqpf-permalink--copied");
    window.setTimeout(function () { link.classList.remove("nqpf-permalink--copied"); }, 2000);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.nqpf-permalink") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var url = link.getAttribute("data-permalink") || link.href;
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    event.preventDefault();
    navigator.clipboard.writeText(url).then(function () {
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", link.getAttribute("href"));
      }
      mark(link);
      announce("Link copied: " + url);
    }, function () {
      window.location.hash = link.getAttribute("href");
    });
  });

  function upgrade() {
    var links = document.querySelectorAll("a.nqpf-permalink");
    for (var i = 0; i < links.length; i++) {
      var label = links[i].firstChild;
      if (label && label.nodeType === Node.TEXT_NODE) {
        label.nodeValue = "Copy link";
      }
      links[i].setAttribute("title", "Copy the permanent link to the clipboard");
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", upgrade);
  } else {
    upgrade();
  }
})();
