// Phone width: rooms and people are panels that slide over the conversation.
import { $ } from "./dom.js";

const PANELS = [["toggle-rooms", "rooms-panel"], ["toggle-members", "members-panel"]];

export function closePanels() {
  for (const [button, panel] of PANELS) {
    $(button).setAttribute("aria-expanded", "false");
    $(panel).classList.remove("open");
  }
}

for (const [button, panel] of PANELS) {
  $(button).addEventListener("click", () => {
    const open = $(button).getAttribute("aria-expanded") !== "true";
    closePanels();
    $(button).setAttribute("aria-expanded", String(open));
    $(panel).classList.toggle("open", open);
  });
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closePanels();
});
