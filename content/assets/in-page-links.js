/* Links to a place on the page, on the pages whose widgets keep their numbers in the address
 * (macros/build/page_scripts.py adds this script to those pages alone).
 *
 * The theme's instant navigation would write such a link's address over the numbers and, on the first such
 * link, fetch the page afresh, which starts the widgets again empty. The link is followed here instead: the
 * place (for a form field, its label) comes into view and takes focus, and the address stays as it is.
 */
(function () {
  "use strict";
  // Instant navigation runs this script again on each visit to such a page: listen once.
  if (window.mvsInPageLinks) return;
  window.mvsInPageLinks = true;
  var SRC = document.currentScript.src;

  // Still listening after instant navigation to a page that does not load this script: its links are the theme's.
  function pageLoadsThisScript() {
    return Array.prototype.some.call(document.scripts, function (script) { return script.src === SRC; });
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
      event.altKey || !pageLoadsThisScript()) return;
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    // The theme writes each link's full address when the page loads: one with no query is a link to this page as
    // it is now; one with another query asks for other numbers.
    if (!link || link.target || !link.hash || link.origin !== location.origin || link.pathname !== location.pathname ||
      (link.search && link.search !== location.search)) return;
    var place = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!place) return;
    event.preventDefault();
    event.stopPropagation();
    (place.labels && place.labels[0] || place).scrollIntoView({ block: "start" });
    if (!place.matches("a[href], button, input, select, textarea, [tabindex]")) place.setAttribute("tabindex", "-1");
    place.focus({ preventScroll: true });
  }, true);
})();
