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
  // Sections that take long to compute (the story comparison) arrive separately: same-origin
  // HTML rendered and escaped by the server, parsed inert and moved in (no script is run).
  function loadDeferred() {
    document.querySelectorAll("[data-load]").forEach(function (box) {
      var url = box.getAttribute("data-load");
      if (url.charAt(0) !== "/" || url.charAt(1) === "/") { return; }
      fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var nodes = Array.prototype.map.call(doc.body.childNodes, function (n) { return document.importNode(n, true); });
        box.replaceChildren.apply(box, nodes);
        box.classList.remove("loading");
        box.removeAttribute("data-load");
      }).catch(function () {
        box.classList.add("failed");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fromHash();
    loadDeferred();
    var toggle = document.getElementById("toggle-ann");
    var body = document.getElementById("article-body");
    if (toggle && body) {
      toggle.addEventListener("change", function () { body.classList.toggle("plain", !toggle.checked); });
    }
  });
})();
