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

// The client picker (ips/forms/client_picker.py): without JavaScript a select of the coach's own clients; here a
// search field (a combobox with a listbox of matches from ips:client_search) that sets the select, which stays
// the form's field. The label moves to the search field with the select's id.
function clientPicker(picker) {
  if (picker.dataset.enhanced) return;
  picker.dataset.enhanced = "true";
  const select = picker.querySelector("select");
  const box = picker.querySelector(".client-picker-search");
  const input = box.querySelector("input");
  const list = box.querySelector("[role=listbox]");
  const status = box.querySelector("[aria-live]");
  const id = select.id;
  select.id = `${id}_select`;
  input.id = id;
  ["aria-describedby", "aria-invalid"].forEach((name) => {
    if (select.hasAttribute(name)) input.setAttribute(name, select.getAttribute(name));
  });
  select.hidden = true;
  select.tabIndex = -1;
  box.hidden = false;
  if (select.value) input.value = select.selectedOptions[0].textContent.trim();
  let active = -1;

  const options = () => Array.from(list.querySelectorAll("[role=option]"));
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, n) => option.setAttribute("aria-selected", n === active ? "true" : "false"));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  };
  const choose = (option) => {
    let choice = Array.from(select.options).find((o) => o.value === option.dataset.value);
    if (!choice) {
      choice = new Option(option.textContent.trim(), option.dataset.value);
      select.add(choice);
    }
    select.value = choice.value;
    input.value = choice.textContent;
    status.textContent = choice.textContent;
    close();
  };

  input.addEventListener("input", () => {
    // What the field shows is what is chosen: typing drops the earlier choice until a match is picked.
    select.value = "";
    if (!input.value.trim()) {
      list.replaceChildren();
      close();
    }
  });
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && options().length;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && open) {
      event.preventDefault(); // picking a match does not submit the form
      choose(options()[Math.max(active, 0)]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  list.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the field
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) choose(option);
  });
  list.addEventListener("htmx:afterSwap", () => {
    const found = list.querySelector("[data-picker-status]");
    status.textContent = found ? found.textContent.trim() : "";
    if (found) found.remove();
    options().forEach((option, n) => (option.id = `${id}_option_${n}`));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    const any = options().length > 0 && input.value.trim() !== "";
    list.hidden = !any;
    input.setAttribute("aria-expanded", any ? "true" : "false");
  });
}
function clientPickers(root) {
  if (root.querySelectorAll) root.querySelectorAll("[data-client-picker]").forEach(clientPicker);
}
document.addEventListener("DOMContentLoaded", () => clientPickers(document));
document.addEventListener("htmx:load", (event) => clientPickers(event.detail.elt));
