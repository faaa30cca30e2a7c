// Polku's small behaviours. No inline scripts anywhere: the content-security policy forbids them.
document.addEventListener("htmx:afterSwap", (event) => {
  // After a fragment swap, put focus where the user continues (the first field marked data-autofocus).
  const target = event.detail.target.querySelector("[data-autofocus]");
  if (target) target.focus();
});
