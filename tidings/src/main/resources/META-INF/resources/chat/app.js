// The chat page: signs in, then wires the tidings.js client to the rooms, timeline, members and
// composer. No user text is ever parsed as HTML (see dom.js).
import { connect } from "../tidings.js";
import { $, atEnd, avatar, scrollToEnd } from "./dom.js";
import { chat, nameOf } from "./state.js";
import { Typing } from "./typing.js";
import { Notifications } from "./notifications.js";
import { joinRoom, renderMembers, renderRooms, savedRooms } from "./rooms.js";
import { updateComposer } from "./composer.js";
import "./panels.js";

const NICKNAME = /^[\p{L}\p{N}._-]{1,32}$/u;
const STATUS_TEXT = { connecting: "Connecting…", open: "Connected", reconnecting: "Reconnecting…", closed: "Offline" };

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
  chat.client?.close(); // signing in again before the first attempt connected
  const client = connect({ name, token });
  chat.client = client;
  client.on("state", showState);
  const waiting = client.on("state", ({ state, code }) => {
    if (state === "reconnecting" && chat.me == null) {
      $("signin-error").textContent = `Cannot reach the chat server${code ? ` (close code ${code})` : ""}; still trying…`;
    }
  });
  client.ready.then((welcome) => {
    if (client !== chat.client) return;
    waiting();
    chat.me = welcome.data.user;
    $("signin").hidden = true;
    $("app").hidden = false;
    showMe();
    chat.typing = new Typing(client, nameOf, () => chat.active, $("typing"));
    new Notifications(client);
    savedRooms().reduce((previous, room) => previous.then(() => joinRoom(room)), Promise.resolve());
  }, (error) => {
    $("signin-error").textContent = `Could not sign in: ${error.message}`;
    client.close();
  });
  listen(client);
}

function showState({ state }) {
  $("status").dataset.state = state;
  $("status").textContent = STATUS_TEXT[state];
  updateComposer();
}

function showMe() {
  $("me-name").textContent = nameOf(chat.me);
  $("me-avatar").replaceWith(Object.assign(avatar(chat.me, nameOf(chat.me)), { id: "me-avatar" }));
}

// ---- frames from the server ------------------------------------------------------------------

function listen(client) {
  client.on("members", ({ room, members }) => {
    const state = chat.rooms.get(room);
    if (!state) return;
    state.members = new Map(members.map((m) => [m.user, m.name]));
    members.forEach((m) => chat.names.set(m.user, m.name));
    if (room === chat.active) renderMembers();
  });
  client.on("message", (message) => {
    const state = chat.rooms.get(message.room);
    if (!state) return;
    const follow = message.room === chat.active && (atEnd() || message.from === chat.me);
    state.timeline.append(message);
    chat.typing.stopped(message.room, message.from);
    if (message.room !== chat.active || document.hidden) state.unread++;
    renderRooms();
    if (follow) scrollToEnd();
  });
  client.on("resync", ({ room, messages }) => chat.rooms.get(room)?.timeline.reset(messages));
  client.on("presence", presence);
  client.on("typing", (frame) => chat.typing.received(frame));
  client.on("binary", ({ room, from, data }) => {
    const state = chat.rooms.get(room);
    if (!state) return;
    const follow = room === chat.active && atEnd();
    state.timeline.appendImage(from, URL.createObjectURL(new Blob([data])));
    if (room !== chat.active) state.unread++;
    renderRooms();
    if (follow) scrollToEnd();
  });
}

function presence({ room, data }) {
  const state = chat.rooms.get(room);
  if (!state) return;
  const { event, user, name } = data;
  if (event === "join") {
    state.members.set(user, name);
    chat.names.set(user, name);
    state.timeline.notice(`${name} joined`);
  } else if (event === "leave") {
    state.members.delete(user);
    chat.typing.stopped(room, user);
    state.timeline.notice(`${name} left`);
  } else if (event === "rename") {
    const before = nameOf(user);
    chat.names.set(user, name);
    state.members.set(user, name);
    if (before !== name) state.timeline.notice(`${before} is now ${name}`);
    chat.rooms.forEach((r) => r.timeline.renamed(user));
    if (user === chat.me) showMe();
  }
  if (room === chat.active) renderMembers();
}

// ---- rename ----------------------------------------------------------------------------------

$("me").addEventListener("click", () => {
  $("rename-name").value = nameOf(chat.me);
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
    await chat.client.rename(name);
    chat.names.set(chat.me, name);
    showMe();
    $("rename-dialog").close();
  } catch (error) {
    $("rename-error").textContent = error.message;
  }
});
