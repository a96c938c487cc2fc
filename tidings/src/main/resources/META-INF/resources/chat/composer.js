// The message box: text messages, typing, image sharing, and the errors of all three.
import { $, scrollToEnd } from "./dom.js";
import { chat } from "./state.js";

const MAX_IMAGE_BYTES = 1024 * 1024;

/** Enables the box when a room is open, and sending when connected too. */
export function updateComposer() {
  $("composer-text").disabled = chat.active == null;
  $("composer-send").disabled = !(chat.client?.state === "open" && chat.active != null);
}

export function showError(error, prefix) {
  $("composer-error").textContent = error ? `${prefix ? prefix + ": " : ""}${error.message}` : "";
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("composer-text").value.trim();
  const room = chat.active;
  if (!text || !room) return;
  $("composer-text").value = "";
  chat.typing.sent(room);
  chat.client.say(room, { text }).then(() => showError(null), (error) => {
    $("composer-text").value ||= text;
    showError(error, "Not sent");
  });
});

$("composer-text").addEventListener("input", () => {
  if (chat.active && $("composer-text").value) chat.typing.typed(chat.active);
});

$("composer-image").addEventListener("change", async () => {
  const file = $("composer-image").files[0];
  const room = chat.active;
  $("composer-image").value = "";
  if (!file || !room) return;
  if (!file.type.startsWith("image/")) return showError(new Error(`${file.name} is not an image`));
  if (file.size > MAX_IMAGE_BYTES) return showError(new Error(`images can be at most 1 MB; ${file.name} is larger`));
  try {
    await chat.client.sendBinary(room, file);
    chat.rooms.get(room)?.timeline.appendImage(chat.me, URL.createObjectURL(file));
    scrollToEnd();
    showError(null);
  } catch (error) {
    showError(error, "Image not shared");
  }
});
