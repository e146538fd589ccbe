// "Copy" buttons beside the feed addresses on /news/feeds/
// (templates/articles/feed_list.html). Without this script the buttons stay
// hidden and each address is selectable text in a read-only box.
(() => {
  "use strict";

  const status = document.querySelector("[data-copy-status]");
  const SHOWN_FOR = 2500; // ms that a button says "Copied"

  async function copy(input) {
    try {
      await navigator.clipboard.writeText(input.value);
      return true;
    } catch {
      // No Clipboard API (a page not served over HTTPS) or no permission.
      input.focus();
      input.select();
      try {
        return document.execCommand("copy");
      } catch {
        return false;
      }
    }
  }

  function announce(message) {
    if (!status) return;
    // Cleared first so that the same message twice is read out twice.
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = message;
    }, 50);
  }

  for (const button of document.querySelectorAll("button[data-copy]")) {
    const input = document.getElementById(button.dataset.copy);
    const label = button.querySelector("[data-copy-label]");
    const what = button.querySelector("[data-copy-what]");
    if (!input || !label) continue;
    let timer;
    button.hidden = false;
    button.addEventListener("click", async () => {
      if (await copy(input)) {
        label.textContent = "Copied";
        announce(`Copied ${what ? what.textContent.trim() : "the address"}.`);
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          label.textContent = "Copy";
        }, SHOWN_FOR);
      } else {
        input.focus();
        input.select();
        announce("Could not copy: the address is selected, copy it with your keyboard or menu.");
      }
    });
  }

  // A click or Tab into an address selects all of it, ready to copy by hand.
  for (const input of document.querySelectorAll("input[data-copy-source]")) {
    input.addEventListener("focus", () => input.select());
  }
})();
