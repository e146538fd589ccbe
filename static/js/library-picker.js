// The body editor's image picker: "Insert" hands the chosen library image back
// to the editor that opened this window (django-prose-editor's Figure dialog
// speaks CKEditor's file-browser protocol), then closes the window.
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector(".library-picker");
  if (!picker) return;
  const func = picker.dataset.func;
  picker.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-id]");
    if (!button || !func) return;
    const editor = window.opener && window.opener.CKEDITOR;
    if (!editor) {
      button.insertAdjacentHTML("afterend", '<p class="errornote">The editor window has closed: open the picker from it again.</p>');
      return;
    }
    editor.tools.callFunction(Number(func), button.dataset.url, {
      id: button.dataset.id,
      alternative_text: button.dataset.alt,
      caption: button.dataset.caption,
    });
    window.close();
  });
  const chosen = picker.querySelector(".is-chosen button");
  if (chosen) chosen.focus();
});
