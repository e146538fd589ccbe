// A library image's preview and focal point: click the preview to set where
// crops should centre. A newly chosen photo shows at once, before any save, and
// so does one kept from a try that failed validation. Without JavaScript the
// two number fields still work.
document.addEventListener("DOMContentLoaded", () => {
  const preview = document.querySelector(".focal-preview");
  const across = document.getElementById("id_focal_x");
  const down = document.getElementById("id_focal_y");
  if (!preview || !across || !down) return;
  const image = preview.querySelector("img");
  const marker = preview.querySelector(".focal-preview__marker");
  const empty = document.querySelector(".focal-preview__empty");
  const fileInput = document.getElementById("id_upload");
  const kept = document.getElementById("id_upload_pending");

  const place = () => {
    marker.style.left = `${Number(across.value) * 100}%`;
    marker.style.top = `${Number(down.value) * 100}%`;
  };
  const show = (source, note) => {
    image.src = source;
    image.removeAttribute("width");
    image.removeAttribute("height");
    preview.hidden = false;
    if (empty) empty.textContent = note;
  };

  if (kept && kept.dataset.previewUrl) {
    show(
      kept.dataset.previewUrl,
      `Kept from your last try: ${kept.dataset.originalName}. It is saved with the image; choose another file to replace it.`,
    );
    if (fileInput) {
      const note = document.createElement("p");
      note.className = "help kept-upload";
      note.textContent = `Photo chosen: ${kept.dataset.originalName} (kept from your last try).`;
      fileInput.insertAdjacentElement("afterend", note);
    }
  }
  if (fileInput) {
    fileInput.addEventListener("change", () => {
      const [file] = fileInput.files;
      if (!file) return;
      if (kept) kept.value = "";  // the new choice replaces the kept photo
      document.querySelectorAll(".kept-upload").forEach((note) => note.remove());
      show(URL.createObjectURL(file), "Click the photo to set its focal point.");
      across.value = "0.5";
      down.value = "0.5";
      place();
    });
  }
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    across.value = ((event.clientX - box.left) / box.width).toFixed(2);
    down.value = ((event.clientY - box.top) / box.height).toFixed(2);
    place();
  });
  across.addEventListener("input", place);
  down.addEventListener("input", place);
  place();
});
