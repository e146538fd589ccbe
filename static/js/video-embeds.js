// Click-to-play videos in a story or page body (articles/videos.py draws the
// placeholders). Nothing is fetched from YouTube or Vimeo until the reader
// presses play; without this script each placeholder is a link to the video.
(() => {
  "use strict";

  // The server builds these addresses from validated ids; check again so that
  // nothing else can ever become a frame's address.
  const PLAYER =
    /^https:\/\/(?:www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}|player\.vimeo\.com\/video\/[0-9]{1,12})\?[a-z0-9=&]*$/;

  function play(figure, button) {
    const frame = document.createElement("iframe");
    frame.className = "video-embed__frame";
    frame.src = figure.dataset.embedUrl;
    frame.title = figure.dataset.embedTitle || "Video";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    // The site sends no referrer elsewhere (Referrer-Policy: same-origin), but
    // YouTube's player refuses to start without knowing the embedding site.
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    button.replaceWith(frame);
    frame.focus();
  }

  for (const figure of document.querySelectorAll("[data-video-embed]")) {
    const link = figure.querySelector("a.video-embed__start");
    if (!link || !PLAYER.test(figure.dataset.embedUrl || "")) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.append(...link.childNodes);
    const action = button.querySelector(".video-embed__action");
    if (action) action.textContent = "Play video: ";
    link.replaceWith(button);
    button.addEventListener("click", () => play(figure, button), { once: true });
  }
})();
