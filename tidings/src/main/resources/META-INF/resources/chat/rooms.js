// Rooms: joining, leaving and switching, the room list with unread counts, the member list, and
// loading earlier messages.
import { $, avatar, el, scrollToEnd } from "./dom.js";
import { chat, nameOf } from "./state.js";
import { Timeline } from "./timeline.js";
import { closePanels } from "./panels.js";
import { showError, updateComposer } from "./composer.js";

export const ROOM = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export async function joinRoom(room) {
  if (chat.rooms.has(room)) return select(room);
  const joined = await chat.client.join(room);
  const timeline = new Timeline(room, nameOf, chat.me);
  chat.rooms.set(room, { timeline, members: new Map(joined.data.members.map((m) => [m.user, m.name])), unread: 0 });
  joined.data.members.forEach((m) => chat.names.set(m.user, m.name));
  timeline.reset(joined.data.messages);
  saveRooms();
  select(room);
}

async function leaveRoom(room) {
  await chat.client.leave(room);
  chat.rooms.delete(room);
  saveRooms();
  select(chat.rooms.keys().next().value ?? null);
}

export function select(room) {
  chat.active = room;
  const state = chat.rooms.get(room);
  $("timelines").replaceChildren(...(state ? [state.timeline.list] : []));
  $("no-room").hidden = state != null;
  $("room-title").textContent = room ? `# ${room}` : "No room";
  $("leave-room").disabled = !state;
  if (state) state.unread = 0;
  renderRooms();
  renderMembers();
  chat.typing?.render();
  updateComposer();
  showLoadEarlier();
  scrollToEnd();
  closePanels();
}

/** The rooms to join on the next visit. */
export function savedRooms() {
  const saved = JSON.parse(localStorage.getItem(`tidings.rooms.${chat.me}`) ?? "[]").filter((r) => ROOM.test(r));
  return saved.length ? saved : ["lobby"];
}

function saveRooms() {
  localStorage.setItem(`tidings.rooms.${chat.me}`, JSON.stringify([...chat.rooms.keys()]));
}

export function renderRooms() {
  let unread = 0;
  $("room-list").replaceChildren(...[...chat.rooms].map(([room, state]) => {
    unread += state.unread;
    const badge = state.unread ? el("span", { className: "badge" }, state.unread,
      el("span", { className: "visually-hidden" }, " unread")) : null;
    return el("li", {}, el("button", { type: "button", className: "room", "data-room": room,
      "aria-current": room === chat.active ? "true" : null }, el("span", { className: "hash", "aria-hidden": "true" }, "#"), room, badge));
  }));
  $("rooms-unread").hidden = unread === 0;
  $("rooms-unread").textContent = unread;
}

export function renderMembers() {
  const state = chat.rooms.get(chat.active);
  const members = state ? [...state.members].sort(([, a], [, b]) => a.localeCompare(b)) : [];
  $("member-list").replaceChildren(...members.map(([user, name]) => el("li", { "data-user": user, className: "member" },
    avatar(user, name), el("span", { className: "member-name" }, name),
    user === chat.me ? el("span", { className: "you" }, "(you)") : null,
    el("span", { className: "presence online", title: "online" }, el("span", { className: "visually-hidden" }, "online")))));
  $("room-meta").textContent = state ? `${members.length} ${members.length === 1 ? "person" : "people"} here` : "";
}

function showLoadEarlier() {
  $("load-earlier").hidden = !(chat.rooms.get(chat.active)?.timeline.more);
}

$("room-list").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-room]");
  if (button) select(button.dataset.room);
});

$("join-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const room = $("join-room").value.trim().toLowerCase();
  if (!ROOM.test(room)) {
    $("join-error").textContent = "Room names are 1 to 64 lower-case letters, digits, dots, dashes or underscores.";
    return;
  }
  $("join-error").textContent = "";
  try {
    await joinRoom(room);
    $("join-room").value = "";
  } catch (error) {
    $("join-error").textContent = `Could not join ${room}: ${error.message}`;
  }
});

$("leave-room").addEventListener("click", () => leaveRoom(chat.active).catch((error) => showError(error)));

$("load-earlier").addEventListener("click", async () => {
  const state = chat.rooms.get(chat.active);
  const log = $("log");
  const fromBottom = log.scrollHeight - log.scrollTop;
  try {
    const page = await chat.client.history(chat.active, state.timeline.oldestSeq, 50);
    state.timeline.prepend(page.messages, page.more);
    log.scrollTop = log.scrollHeight - fromBottom;
    showLoadEarlier();
  } catch (error) {
    showError(error, "Could not load earlier messages");
  }
});

document.addEventListener("visibilitychange", () => {
  const state = chat.rooms.get(chat.active);
  if (!document.hidden && state) {
    state.unread = 0;
    renderRooms();
  }
});
