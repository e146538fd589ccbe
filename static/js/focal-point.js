// The focal point control: click the preview to set where crops should centre.
// Without JavaScript the two number fields still work.
document.addEventListener("DOMContentLoaded", () => {
  const preview = document.querySelector(".focal-preview");
  const across = document.getElementById("id_hero_focal_x");
  const down = document.getElementById("id_hero_focal_y");
  if (!preview || !across || !down) return;
  const image = preview.querySelector("img");
  const marker = preview.querySelector(".focal-preview__marker");
  const place = () => {
    marker.style.left = `${Number(across.value) * 100}%`;
    marker.style.top = `${Number(down.value) * 100}%`;
  };
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
