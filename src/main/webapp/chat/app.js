// The chat page: signs in, then wires the tidings.js client to the rooms, timeline, members and
// composer. No user text is ever parsed as HTML (see dom.js).
import { connect } from "../tidings.js";
import { $, avatar, el } from "./dom.js";
import { Timeline } from "./timeline.js";
import { Typing } from "./typing.js";
import { Notifications } from "./notifications.js";

const NICKNAME = /^[\p{L}\p{N}._-]{1,32}$/u;
const ROOM = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_IMAGE_BYTES = 1024 * 1024;
const STATUS_TEXT = { connecting: "Connecting…", open: "Connected", reconnecting: "Reconnecting…", closed: "Offline" };

let client;
let me;
let active = null;
/** room -> { timeline, members: Map(user -> name), unread } */
const rooms = new Map();
/** user -> display name, across rooms */
const names = new Map();
const nameOf = (user) => names.get(user) ?? user;
let typing;

// ---- sign in ---------------------------------------------------------------------------------

$("signin-name").value = localStorage.getItem("tidings.name") ?? "";
$("signin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("signin-name").value.trim();
  const token = $("signin-token").value.trim();
  if (name && !NICKNAME.test(name)) {
    $("signin-error").textContent = "A nickname is 1 to 32 letters, digits, dots, dashes or underscores.";
    $("signin-name").setAttribute("aria-invalid", "true");
    $("signin-name").focus();
    return;
  }
  localStorage.setItem("tidings.name", name);
  start(name || undefined, token || undefined);
});

function start(name, token) {
  $("signin-error").textContent = "";
  client?.close(); // signing in again before the first attempt connected
  client = connect({ name, token });
  client.on("state", showState);
  const signingIn = client;
  const waiting = client.on("state", ({ state, code }) => {
    if (state === "reconnecting" && me == null) {
      $("signin-error").textContent = `Cannot reach the chat server${code ? ` (close code ${code})` : ""}; still trying…`;
    }
  });
  client.ready.then((welcome) => {
    if (signingIn !== client) return;
    waiting();
    me = welcome.data.user;
    $("signin").hidden = true;
    $("app").hidden = false;
    showMe();
    typing = new Typing(client, nameOf, () => active, $("typing"));
    new Notifications(client);
    const saved = JSON.parse(localStorage.getItem(`tidings.rooms.${me}`) ?? "[]").filter((r) => ROOM.test(r));
    (saved.length ? saved : ["lobby"]).reduce((previous, room) => previous.then(() => joinRoom(room)), Promise.resolve());
  }, (error) => {
    $("signin-error").textContent = `Could not sign in: ${error.message}`;
    client.close();
  });
  listen();
}

function showState({ state }) {
  $("status").dataset.state = state;
  $("status").textContent = STATUS_TEXT[state];
  const usable = state === "open" && active != null;
  $("composer-text").disabled = active == null;
  $("composer-send").disabled = !usable;
}

function showMe() {
  $("me-name").textContent = nameOf(me);
  $("me-avatar").replaceWith(Object.assign(avatar(me, nameOf(me)), { id: "me-avatar" }));
}

// ---- frames from the server ------------------------------------------------------------------

function listen() {
  client.on("members", ({ room, members }) => {
    const state = rooms.get(room);
    if (!state) return;
    state.members = new Map(members.map((m) => [m.user, m.name]));
    members.forEach((m) => names.set(m.user, m.name));
    if (room === active) renderMembers();
  });
  client.on("message", (message) => {
    const state = rooms.get(message.room);
    if (!state) return;
    const log = $("log");
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
    state.timeline.append(message);
    typing.stopped(message.room, message.from);
    if (message.room !== active || document.hidden) state.unread++;
    renderRooms();
    if (message.room === active && (atBottom || message.from === me)) scrollToEnd();
  });
  client.on("resync", ({ room, messages }) => rooms.get(room)?.timeline.reset(messages));
  client.on("presence", presence);
  client.on("typing", (frame) => typing.received(frame));
  client.on("binary", ({ room, from, data }) => {
    const state = rooms.get(room);
    if (!state) return;
    state.timeline.appendImage(from, URL.createObjectURL(new Blob([data])));
    if (room !== active) state.unread++;
    renderRooms();
    if (room === active) scrollToEnd();
  });
}

function presence({ room, data }) {
  const state = rooms.get(room);
  if (!state) return;
  const { event, user, name } = data;
  if (event === "join") {
    state.members.set(user, name);
    names.set(user, name);
    state.timeline.notice(`${name} joined`);
  } else if (event === "leave") {
    state.members.delete(user);
    typing.stopped(room, user);
    state.timeline.notice(`${name} left`);
  } else if (event === "rename") {
    const before = nameOf(user);
    names.set(user, name);
    state.members.set(user, name);
    if (before !== name) state.timeline.notice(`${before} is now ${name}`);
    rooms.forEach((r) => r.timeline.renamed(user));
    if (user === me) showMe();
  }
  if (room === active) renderMembers();
}

// ---- rooms -----------------------------------------------------------------------------------

async function joinRoom(room) {
  if (rooms.has(room)) return select(room);
  const joined = await client.join(room);
  const timeline = new Timeline(room, nameOf, me);
  rooms.set(room, { timeline, members: new Map(joined.data.members.map((m) => [m.user, m.name])), unread: 0 });
  joined.data.members.forEach((m) => names.set(m.user, m.name));
  timeline.reset(joined.data.messages);
  saveRooms();
  select(room);
}

async function leaveRoom(room) {
  await client.leave(room);
  rooms.delete(room);
  saveRooms();
  select(rooms.keys().next().value ?? null);
}

function select(room) {
  active = room;
  const state = rooms.get(room);
  $("timelines").replaceChildren(...(state ? [state.timeline.list] : []));
  $("no-room").hidden = state != null;
  $("room-title").textContent = room ? `# ${room}` : "No room";
  $("leave-room").disabled = !state;
  if (state) state.unread = 0;
  renderRooms();
  renderMembers();
  typing?.render();
  showState({ state: client.state });
  showLoadEarlier();
  scrollToEnd();
  closePanels();
}

function saveRooms() {
  localStorage.setItem(`tidings.rooms.${me}`, JSON.stringify([...rooms.keys()]));
}

function renderRooms() {
  let unread = 0;
  $("room-list").replaceChildren(...[...rooms].map(([room, state]) => {
    unread += state.unread;
    const badge = state.unread ? el("span", { className: "badge" }, state.unread,
      el("span", { className: "visually-hidden" }, " unread")) : null;
    return el("li", {}, el("button", { type: "button", className: "room", "data-room": room,
      "aria-current": room === active ? "true" : null }, el("span", { className: "hash", "aria-hidden": "true" }, "#"), room, badge));
  }));
  $("rooms-unread").hidden = unread === 0;
  $("rooms-unread").textContent = unread;
}

function renderMembers() {
  const state = rooms.get(active);
  const members = state ? [...state.members].sort(([, a], [, b]) => a.localeCompare(b)) : [];
  $("member-list").replaceChildren(...members.map(([user, name]) => el("li", { "data-user": user, className: "member" },
    avatar(user, name), el("span", { className: "member-name" }, name),
    user === me ? el("span", { className: "you" }, "(you)") : null,
    el("span", { className: "presence online", title: "online" }, el("span", { className: "visually-hidden" }, "online")))));
  $("room-meta").textContent = state ? `${members.length} ${members.length === 1 ? "person" : "people"} here` : "";
}

function showLoadEarlier() {
  $("load-earlier").hidden = !(rooms.get(active)?.timeline.more);
}

function scrollToEnd() {
  $("log").scrollTop = $("log").scrollHeight;
}

// ---- controls --------------------------------------------------------------------------------

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

$("leave-room").addEventListener("click", () => leaveRoom(active).catch((error) => showError(error)));

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("composer-text").value.trim();
  if (!text || !active) return;
  $("composer-text").value = "";
  typing.sent(active);
  client.say(active, { text }).then(() => showError(null), (error) => {
    $("composer-text").value ||= text;
    showError(error, "Not sent");
  });
});

$("composer-text").addEventListener("input", () => {
  if (active && $("composer-text").value) typing.typed(active);
});

$("composer-image").addEventListener("change", async () => {
  const file = $("composer-image").files[0];
  $("composer-image").value = "";
  if (!file || !active) return;
  if (!file.type.startsWith("image/")) return showError(new Error(`${file.name} is not an image`));
  if (file.size > MAX_IMAGE_BYTES) return showError(new Error(`images can be at most 1 MB; ${file.name} is larger`));
  try {
    await client.sendBinary(active, file);
    rooms.get(active).timeline.appendImage(me, URL.createObjectURL(file));
    scrollToEnd();
    showError(null);
  } catch (error) {
    showError(error, "Image not shared");
  }
});

$("load-earlier").addEventListener("click", async () => {
  const state = rooms.get(active);
  const log = $("log");
  const fromBottom = log.scrollHeight - log.scrollTop;
  try {
    const page = await client.history(active, state.timeline.oldestSeq, 50);
    state.timeline.prepend(page.messages, page.more);
    log.scrollTop = log.scrollHeight - fromBottom;
    showLoadEarlier();
  } catch (error) {
    showError(error, "Could not load earlier messages");
  }
});

function showError(error, prefix) {
  $("composer-error").textContent = error ? `${prefix ? prefix + ": " : ""}${error.message}` : "";
}

// Rename
$("me").addEventListener("click", () => {
  $("rename-name").value = nameOf(me);
  $("rename-error").textContent = "";
  $("rename-dialog").showModal();
});
$("rename-cancel").addEventListener("click", () => $("rename-dialog").close());
$("rename-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = $("rename-name").value.trim();
  if (!name || name.length > 32 || /\p{Cc}/u.test(name)) {
    $("rename-error").textContent = "A display name is 1 to 32 characters.";
    return;
  }
  try {
    await client.rename(name);
    names.set(me, name);
    showMe();
    $("rename-dialog").close();
  } catch (error) {
    $("rename-error").textContent = error.message;
  }
});

// Phone width: rooms and people are panels that slide over the conversation.
for (const [button, panel] of [["toggle-rooms", "rooms-panel"], ["toggle-members", "members-panel"]]) {
  $(button).addEventListener("click", () => {
    const open = $(button).getAttribute("aria-expanded") !== "true";
    closePanels();
    $(button).setAttribute("aria-expanded", String(open));
    $(panel).classList.toggle("open", open);
  });
}

function closePanels() {
  for (const [button, panel] of [["toggle-rooms", "rooms-panel"], ["toggle-members", "members-panel"]]) {
    $(button).setAttribute("aria-expanded", "false");
    $(panel).classList.remove("open");
  }
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closePanels();
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden && active && rooms.get(active)) {
    rooms.get(active).unread = 0;
    renderRooms();
  }
});
