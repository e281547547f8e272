// The live desk: Ctrl+Enter (Cmd+Enter on a Mac) publishes the update from any field, as
// pressing "Publish update" does. Without JavaScript the button does the same.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-desk-form]");
  if (!form) return;
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  // Ready to type: in the body, or in the first field to correct after a refusal.
  const field = form.querySelector("[aria-invalid=true]") || form.querySelector("textarea");
  if (field) field.focus();
});
