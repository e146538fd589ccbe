// Names for two unlabelled things in the story form, for screen readers: the
// body editor (django-prose-editor's editable area) and the admin's empty
// first header cell in the picks and corrections tables.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("th.original:empty").forEach((cell) => {
    const text = document.createElement("span");
    text.className = "visually-hidden";
    text.textContent = "Saved item";
    cell.append(text);
  });
  const label = document.querySelector('label[for="id_body"]');
  if (!label) return;
  label.id ||= "id_body_label";
  const name = (editor) => editor.setAttribute("aria-labelledby", label.id);
  const found = document.querySelector(".ProseMirror[contenteditable]");
  if (found) return name(found);
  // The editor is built after this script runs: name it when it appears.
  const watcher = new MutationObserver(() => {
    const editor = document.querySelector(".ProseMirror[contenteditable]");
    if (editor) {
      name(editor);
      watcher.disconnect();
    }
  });
  watcher.observe(document.body, { childList: true, subtree: true });
});

// The admin's autocomplete boxes (select2: the hero image, gallery photos,
// downloads, picks) name their combobox by its current value only, which is
// empty until something is chosen: give each the field's label as well.
document.addEventListener("DOMContentLoaded", () => {
  const nameBoxes = () => {
    document.querySelectorAll(".select2-selection[aria-labelledby]:not([data-named])").forEach((box) => {
      const shown = box.getAttribute("aria-labelledby");
      const fieldId = shown.replace(/^select2-/, "").replace(/-container$/, "");
      const label = document.querySelector(`label[for="${fieldId}"]`);
      const name = label ? label.textContent.replace(/:\s*$/, "").trim() : fieldId.split("-").pop().replace(/^id_/, "");
      box.setAttribute("aria-label", name);
      box.removeAttribute("aria-labelledby");
      const value = document.getElementById(shown);
      if (value) value.setAttribute("aria-label", name);
      box.dataset.named = "1";
    });
  };
  nameBoxes();
  new MutationObserver(nameBoxes).observe(document.body, { childList: true, subtree: true });
});
