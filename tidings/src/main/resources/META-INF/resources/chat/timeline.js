// One room's messages as a list element, kept per room so switching rooms keeps scroll and state.
import { avatar, el, timeOf } from "./dom.js";

/** Consecutive messages by one person within this many ms are shown as one group. */
const GROUP_WINDOW_MS = 5 * 60 * 1000;

export class Timeline {
  /**
   * @param {string} room
   * @param {(user: string) => string} nameOf  the display name of a user
   * @param {string} me  the signed-in user
   */
  constructor(room, nameOf, me) {
    this.room = room;
    this.nameOf = nameOf;
    this.me = me;
    this.list = el("ol", { className: "timeline", "aria-label": `Messages in ${room}`, "aria-live": "polite" });
    this.oldestSeq = null;
    this.more = false;
  }

  /** Replaces everything with these messages (on join, or when recovery could not fill a gap). */
  reset(messages, more) {
    this.list.replaceChildren(...messages.map((m) => this.messageItem(m)));
    this.oldestSeq = messages.length ? messages[0].seq : null;
    this.more = more ?? (this.oldestSeq != null && this.oldestSeq > 1);
    this.regroup();
  }

  /** Puts older messages (oldest first) above the ones shown. */
  prepend(messages, more) {
    this.list.prepend(...messages.map((m) => this.messageItem(m)));
    if (messages.length) this.oldestSeq = messages[0].seq;
    this.more = more;
    this.regroup();
  }

  append(message) {
    this.list.append(this.messageItem(message));
    if (this.oldestSeq == null) this.oldestSeq = message.seq;
    this.regroup();
  }

  /** An image shared through a binary frame; images are relayed, not stored, so they have no sequence. */
  appendImage(from, url) {
    const image = el("img", { src: url, alt: `Image shared by ${this.nameOf(from)}`, className: "shared-image" });
    this.list.append(this.item(from, new Date().toISOString(), null, el("a", { href: url, target: "_blank", rel: "noopener" }, image)));
    this.regroup();
  }

  /** Shows a line from the page itself (joined, left, renamed). */
  notice(text) {
    this.list.append(el("li", { className: "notice" }, text));
    this.regroup();
  }

  messageItem(message) {
    const data = message.data;
    const body = typeof data?.text === "string" ? data.text : JSON.stringify(data);
    return this.item(message.from, message.ts, message.seq, el("p", { className: "message-text" }, body));
  }

  item(from, ts, seq, content) {
    const mine = from === this.me;
    const author = el("span", { className: "author", "data-user": from }, this.nameOf(from));
    return el("li", { className: mine ? "message mine" : "message", "data-user": from, "data-seq": seq, "data-ts": ts },
      avatar(from, this.nameOf(from)),
      el("div", { className: "bubble" }, el("div", { className: "meta" }, author, timeOf(ts)), content));
  }

  /** Marks messages that continue the previous person's group, so name and avatar show once. */
  regroup() {
    let previous = null;
    for (const item of this.list.children) {
      const continued = previous != null && item.classList.contains("message") && previous.classList.contains("message")
        && previous.dataset.user === item.dataset.user
        && Date.parse(item.dataset.ts) - Date.parse(previous.dataset.ts) < GROUP_WINDOW_MS;
      item.classList.toggle("continued", continued);
      previous = item;
    }
  }

  /** Updates the author labels and avatars of a user who renamed. */
  renamed(user) {
    for (const item of this.list.querySelectorAll("li.message")) {
      if (item.dataset.user !== user) continue;
      item.querySelector(".author").textContent = this.nameOf(user);
      item.querySelector(".avatar").replaceWith(avatar(user, this.nameOf(user)));
    }
  }
}
