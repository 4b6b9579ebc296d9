// parkscore workbench: a little progressive enhancement. Every page works without this script.
// Live score preview: when a form marked data-preview changes, post it (with its CSRF token) to its preview URL and
// show the answer in the element marked data-preview-target. No framework, no external request.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-preview]");
    Array.prototype.forEach.call(forms, function (form) {
      var target = document.querySelector("[data-preview-target]");
      if (!target) { return; }
      var timer = null;
      var send = function () {
        var body = new URLSearchParams(new FormData(form));
        fetch(form.getAttribute("data-preview"), {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body
        }).then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null) { target.innerHTML = html; } })
          .catch(function () {});
      };
      form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(send, 400); });
      form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(send, 150); });
    });
  });
})();
