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
  // Long forms (a proposal draft) save themselves every 20 seconds after a
  // change: <form data-autosave="/url">. The status line says when.
  var draft = document.querySelector("form[data-autosave]");
  if (draft && window.fetch && window.FormData) {
    var dirty = false;
    var status = document.getElementById("autosave-status");
    draft.addEventListener("input", function () { dirty = true; });
    window.setInterval(function () {
      if (!dirty) { return; }
      dirty = false;
      var body = new URLSearchParams(new FormData(draft));
      window.fetch(draft.getAttribute("data-autosave"), { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (j) { if (status) { status.textContent = "已自动保存 " + j.saved_at; } })
        .catch(function () { dirty = true; if (status) { status.textContent = "自动保存失败，请检查网络后点击“保存草稿”"; } });
    }, 20000);
  }
  // A submit button may ask its own question: data-confirm-submit="…".
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-confirm-submit]");
    if (button && !window.confirm(button.getAttribute("data-confirm-submit"))) {
      event.preventDefault();
    }
  });
  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
  // A live count of a report's body against its recommended length.
  document.querySelectorAll("[data-counter]").forEach(function (counter) {
    var form = counter.closest("form");
    var fields = form ? form.querySelectorAll("textarea[data-count]") : [];
    var limit = parseInt(counter.getAttribute("data-recommended"), 10) || 1500;
    function update() {
      var total = 0;
      fields.forEach(function (f) { total += Array.from(f.value.trim()).length; });
      counter.textContent = "正文已写" + total + "字，建议不超过" + limit + "字" + (total > limit ? "（已超出，建议精简）" : "");
      counter.classList.toggle("warn", total > limit);
    }
    fields.forEach(function (f) { f.addEventListener("input", update); });
    update();
  });
})();
