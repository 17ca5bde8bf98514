// 数字政协: the one small script. Pages work without it.
(function () {
  "use strict";
  // Irreversible actions ask first: <form data-confirm="…">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // The header's back arrow goes back in history; without script it goes home.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
  // Filter selects submit their form when changed: <select data-autosubmit>.
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) {
      el.form.submit();
    }
  });
  // Desktop has room for every filter: open the folded filter boxes.
  if (window.matchMedia && window.matchMedia("(min-width: 768px)").matches) {
    document.querySelectorAll("details.more-filters").forEach(function (d) { d.open = true; });
  }
  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
})();
