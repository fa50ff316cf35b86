// Keyboard shortcuts: Alt + a letter activates the element marked with
// data-shortcut="letter" (shown to people as a <kbd> hint and announced
// through aria-keyshortcuts). Native accesskeys differ per browser and
// clash with browser menus, so the page handles them itself.
(function () {
  "use strict";

  function letterOf(event) {
    var match = /^Key([A-Z])$/.exec(event.code || "");
    return match ? match[1].toLowerCase() : null;
  }

  document.addEventListener("keydown", function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) { return; }
    var letter = letterOf(event);
    if (!letter) { return; }
    var target = document.querySelector('[data-shortcut="' + letter + '"]');
    if (!target) { return; }
    event.preventDefault();
    target.focus();
    target.click();
  });
})();
