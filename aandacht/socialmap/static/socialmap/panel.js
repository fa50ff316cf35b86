// The social-map panel of the contact form: "/" jumps to its search field,
// unless the volunteer is typing somewhere (then "/" is just a slash).
(function () {
  "use strict";

  function isTyping(element) {
    if (!element) { return false; }
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
      element.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (isTyping(document.activeElement)) { return; }
    var search = document.getElementById("service-search");
    if (!search) { return; }
    event.preventDefault();
    search.focus();
    search.select();
  });
})();
