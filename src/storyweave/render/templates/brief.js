(function () {
  "use strict";
  var pop = document.getElementById("evidence-popover");
  if (!pop) { return; }
  var current = null;
  var pinned = false;

  function place(chip) {
    var view = document.documentElement.clientWidth;
    var width = Math.min(420, view - 16);
    var r = chip.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left, view - width - 8));
    pop.style.width = width + "px";
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function show(chip, pin) {
    if (current && current !== chip) { current.setAttribute("aria-expanded", "false"); }
    pop.textContent = "";
    (chip.getAttribute("data-evidence") || "").split(" ").forEach(function (id) {
      var ev = id && document.getElementById(id);
      if (!ev) { return; }
      var copy = ev.cloneNode(true);
      copy.removeAttribute("id");
      pop.appendChild(copy);
    });
    current = chip;
    pinned = pin;
    chip.setAttribute("aria-expanded", "true");
    chip.setAttribute("aria-describedby", pop.id);
    pop.hidden = false;
    place(chip);
  }

  function hide() {
    if (current) {
      current.setAttribute("aria-expanded", "false");
      current.removeAttribute("aria-describedby");
    }
    current = null;
    pinned = false;
    pop.hidden = true;
  }

  Array.prototype.forEach.call(document.querySelectorAll("a.chip"), function (chip) {
    chip.setAttribute("role", "button");
    chip.setAttribute("aria-expanded", "false");
    chip.addEventListener("click", function (event) {
      event.preventDefault();
      if (current === chip && pinned) { hide(); } else { show(chip, true); }
    });
    chip.addEventListener("mouseenter", function () { if (!pinned) { show(chip, false); } });
    chip.addEventListener("mouseleave", function () { if (!pinned) { hide(); } });
    chip.addEventListener("focus", function () { if (!pinned) { show(chip, false); } });
    chip.addEventListener("blur", function () { if (!pinned) { hide(); } });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) { hide(); }
  });
  document.addEventListener("click", function (event) {
    if (current && !pop.contains(event.target) && !current.contains(event.target)) { hide(); }
  });
  window.addEventListener("resize", function () { if (current) { place(current); } });
}());
