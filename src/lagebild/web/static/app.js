// lagebild pages: small progressive enhancements. Everything works without this file (links to
// #ev-N anchors show evidence via :target); data is never evaluated, only element attributes read.
(function () {
  "use strict";

  function selectEvent(index, scroll) {
    var panels = document.querySelectorAll(".evidence");
    var found = null;
    panels.forEach(function (p) {
      var on = p.getAttribute("data-event") === index;
      p.classList.toggle("shown", on);
      if (on) { found = p; }
    });
    document.querySelectorAll("svg.timeline .mark, .event-row").forEach(function (m) {
      m.classList.toggle("selected", m.getAttribute("data-event") === index);
    });
    var hint = document.getElementById("evidence-hint");
    if (hint) { hint.hidden = !!found; }
    if (found && scroll) { found.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    return found;
  }

  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-event]");
    if (!el || el.classList.contains("evidence")) { return; }
    var index = el.getAttribute("data-event");
    if (selectEvent(index, true)) {
      e.preventDefault();
      if (history.replaceState) { history.replaceState(null, "", "#ev-" + index); }
    }
  });

  document.addEventListener("keydown", function (e) {
    // Arrow keys step through the events once one is selected.
    var cur = document.querySelector(".evidence.shown");
    if (!cur || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) { return; }
    if (/INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName)) { return; }
    var all = Array.prototype.slice.call(document.querySelectorAll(".evidence"));
    var i = all.indexOf(cur) + (e.key === "ArrowRight" ? 1 : -1);
    if (i >= 0 && i < all.length) { selectEvent(all[i].getAttribute("data-event"), true); }
  });

  function fromHash() {
    var m = /^#ev-(\d+)$/.exec(location.hash);
    if (m) { selectEvent(m[1], false); }
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", function () {
    fromHash();
    var toggle = document.getElementById("toggle-ann");
    var body = document.getElementById("article-body");
    if (toggle && body) {
      toggle.addEventListener("change", function () { body.classList.toggle("plain", !toggle.checked); });
    }
  });
})();
