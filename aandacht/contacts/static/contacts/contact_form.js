// The contact form: a running timer, and the crisis panel on top when needed.
// Everything essential works without this file; it only adds comfort.
(function () {
  "use strict";

  function pad(n) { return String(n).padStart(2, "0"); }

  function startTimer(element) {
    var start = Date.parse(element.dataset.timerStart);
    if (isNaN(start)) { return; }
    function tick() {
      var seconds = Math.max(0, Math.floor((Date.now() - start) / 1000));
      var hours = Math.floor(seconds / 3600);
      var text = pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
      element.textContent = (hours ? hours + ":" : "") + text;
    }
    tick();
    window.setInterval(tick, 1000);
  }

  function crisisChosen(form) {
    var flag = form.querySelector("input[name=crisis]");
    var topics = form.querySelectorAll("[data-crisis] input:checked");
    return (flag && flag.checked) || topics.length > 0;
  }

  function watchCrisis(form, panel) {
    form.addEventListener("change", function () {
      var active = crisisChosen(form);
      if (active && !panel.open) {
        panel.open = true;
        panel.scrollIntoView({ block: "start" });
      }
      panel.classList.toggle("crisis-panel--active", active);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var timer = document.querySelector("[data-timer-start]");
    var form = document.getElementById("contact-form");
    var panel = document.getElementById("crisis-panel");
    if (timer) { startTimer(timer); }
    if (form && panel) { watchCrisis(form, panel); }
  });
})();
