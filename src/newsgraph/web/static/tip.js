/* One tooltip for every mark: shown on hover and on keyboard focus, hidden on Escape.
   The facts come from the mark's data-tip attribute and are set as text, never as HTML. */
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  if (!tip) { return; }
  var current = null;

  function show(mark) {
    current = mark;
    tip.textContent = mark.getAttribute("data-tip");
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  function hide() {
    current = null;
    tip.hidden = true;
  }

  function markOf(target) {
    return target && target.closest ? target.closest(".body .mk[data-tip]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark) { show(mark); } else if (current && current !== document.activeElement) { hide(); }
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) { show(mark); } else { hide(); }
  });
  document.addEventListener("focusout", function (event) {
    if (markOf(event.target) === current) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
})();
