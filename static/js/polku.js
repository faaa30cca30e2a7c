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

// A table wider than its box scrolls inside it; keyboard users reach that scroll only if the box takes focus.
// Templates mark most boxes themselves (tabindex, role=region, a label); this covers the rest, and only the
// boxes that do scroll at the current width, named after the table's caption or the nearest heading.
function focusableScrollRegions(root) {
  root.querySelectorAll(".table-wrap:not([tabindex])").forEach((box) => {
    if (box.scrollWidth <= box.clientWidth) return;
    const caption = box.querySelector("caption");
    const section = box.closest("section, article, main");
    const heading = section && section.querySelector("h1, h2, h3");
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", ((caption || heading || {}).textContent || document.title).trim());
  });
}
document.addEventListener("DOMContentLoaded", () => focusableScrollRegions(document));
document.addEventListener("htmx:afterSettle", (event) => focusableScrollRegions(event.detail.elt || document));
window.addEventListener("resize", () => focusableScrollRegions(document));
