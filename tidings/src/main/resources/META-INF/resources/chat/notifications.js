// The notification bell: the user's notifications (fired by the application on the server), the
// unread counter, and marking them read here or on another device.
import { $, el, timeOf } from "./dom.js";

const SHOWN = 30;

export class Notifications {
  constructor(client) {
    this.client = client;
    this.items = new Map(); // id -> notification data, newest first by createdAt
    this.unread = 0;
    client.on("notification", ({ data }) => this.add(data));
    client.on("notification.unread", ({ data }) => this.count(data.count));
    client.on("notification.read", ({ data }) => this.marked(data));
    // After every (re)connect: read state may have changed on another device meanwhile.
    client.on("state", ({ state }) => state === "open" && this.refresh());
    $("notifications-button").hidden = false;
    $("notifications-button").addEventListener("click", () => this.toggle());
    $("notifications-read-all").addEventListener("click", () => this.markRead("all"));
    $("notifications-list").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-id]");
      if (button) this.markRead([button.dataset.id]);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !$("notifications-panel").hidden) this.toggle(false);
    });
    if (client.state === "open") this.refresh();
  }

  async refresh() {
    try {
      const { notifications, unread } = await this.client.notifications({ limit: SHOWN });
      this.items = new Map(notifications.map((n) => [n.id, n]));
      this.count(unread);
    } catch (error) {
      this.error(error);
    }
  }

  add(notification) {
    const known = this.items.get(notification.id);
    this.items = new Map([[notification.id, notification], ...[...this.items].filter(([id]) => id !== notification.id)]);
    if (!known && !notification.read) this.unread++;
    this.render();
  }

  async markRead(ids) {
    try {
      this.count(await this.client.markRead(ids));
      this.marked(ids === "all" ? { all: true } : { ids });
    } catch (error) {
      this.error(error);
    }
  }

  /** Notifications marked read, here or by another socket of the same user. */
  marked({ ids, all, unread }) {
    for (const [id, item] of this.items) {
      if (all || ids?.includes(id)) item.read = true;
    }
    if (unread != null) this.unread = unread;
    this.render();
  }

  count(unread) {
    this.unread = unread;
    this.render();
  }

  toggle(open = $("notifications-panel").hidden) {
    $("notifications-panel").hidden = !open;
    $("notifications-button").setAttribute("aria-expanded", String(open));
    if (open) $("notifications-title").focus();
  }

  render() {
    const badge = $("notifications-count");
    badge.hidden = this.unread === 0;
    badge.textContent = this.unread;
    $("notifications-button").setAttribute("aria-label", `Notifications, ${this.unread} unread`);
    const items = [...this.items.values()].slice(0, SHOWN);
    $("notifications-list").replaceChildren(...items.map((n) => this.item(n)));
    $("notifications-empty").hidden = items.length > 0;
    $("notifications-read-all").disabled = this.unread === 0;
  }

  item(n) {
    return el("li", { className: n.read ? "notification" : "notification unread", "data-id": n.id },
      el("div", { className: "notification-head" },
        el("strong", { className: "notification-title" }, n.title ?? n.type),
        timeOf(n.createdAt)),
      n.body ? el("p", { className: "notification-body" }, n.body) : null,
      n.read ? el("span", { className: "read-state" }, "Read")
        : el("button", { type: "button", className: "link", "data-id": n.id,
          "aria-label": `Mark “${n.title ?? n.type}” as read` }, "Mark as read"));
  }

  error(error) {
    $("notifications-list").replaceChildren(el("li", { className: "error" }, `Notifications unavailable: ${error.message}`));
  }
}
