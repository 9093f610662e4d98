/* Small progressive enhancements of the migrant's forms; every form works without them.
   The label of the date picker comes, translated, from the script element's data-pick-label. */
(function () {
  var pickLabel = (document.currentScript && document.currentScript.dataset.pickLabel) || "";
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-date]").forEach(function (input) {
      var picker = document.createElement("input");
      picker.type = "date";
      picker.tabIndex = -1;
      picker.setAttribute("aria-label", pickLabel);
      var m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(input.value.trim());
      if (m) { picker.value = m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2); }
      picker.addEventListener("change", function () {
        var p = picker.value.split("-");
        if (p.length === 3) { input.value = p[2] + "." + p[1] + "." + p[0]; }
      });
      var row = document.createElement("div");
      row.className = "date-row";
      input.parentNode.insertBefore(row, input);
      row.appendChild(input);
      row.appendChild(picker);
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-fill-latin]");
      if (!button) { return; }
      document.getElementById("id_latin_surname").value = button.dataset.surname;
      document.getElementById("id_latin_given_names").value = button.dataset.given;
    });
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  });
})();
