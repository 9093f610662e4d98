/* Behaviour of every page, kept out of the HTML so that the Content-Security-Policy can forbid
   inline scripts. Every form works without it. */
document.addEventListener("change", function (event) {
  var field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) { field.form.submit(); }
});
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) { window.print(); }
});
