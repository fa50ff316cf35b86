// Adds an empty row to a Django formset: the button names the formset's
// prefix; the row comes from <template id="PREFIX-empty">. Without script
// the form still has one empty row to fill in and save.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-formset-add]");
  if (!button) return;
  const prefix = button.dataset.formsetAdd;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const template = document.getElementById(`${prefix}-empty`);
  const rows = document.getElementById(`${prefix}-rows`);
  if (!total || !template || !rows) return;
  const index = Number(total.value);
  rows.insertAdjacentHTML(
    "beforeend",
    template.innerHTML.replaceAll("__prefix__", String(index)),
  );
  total.value = String(index + 1);
  const added = rows.lastElementChild;
  const first = added && added.querySelector("input:not([type=hidden]), select, textarea");
  if (first) first.focus();
});
