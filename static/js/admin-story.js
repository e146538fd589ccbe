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
