// Try it: say that the extraction is under way (the first one loads the language model,
// which takes a few seconds), and keep the form from being sent twice.
(function () {
  "use strict";
  var form = document.querySelector("form.try");
  var busy = document.getElementById("busy");
  if (!form || !busy) return;
  form.addEventListener("submit", function () {
    busy.hidden = false;
    form.setAttribute("aria-busy", "true");
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
  });
})();
