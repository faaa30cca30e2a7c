// Polku's small behaviours. No inline scripts anywhere: the content-security policy forbids them.
document.addEventListener("htmx:afterSwap", (event) => {
  // After a fragment swap, put focus where the user continues (the first field marked data-autofocus).
  const target = event.detail.target.querySelector("[data-autofocus]");
  if (target) target.focus();
});

// After an htmx swap settles, focus the one field the server marked (the next entry's minutes, or the field of
// the entry being edited), then drop the mark so a later swap does not jump back to it.
document.addEventListener("htmx:afterSettle", () => {
  const field = document.querySelector("[data-autofocus]");
  if (field) {
    field.removeAttribute("data-autofocus");
    field.focus();
  }
});
