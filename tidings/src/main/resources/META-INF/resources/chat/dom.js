// Small DOM helpers. Everything a person typed goes in through textContent or an attribute set
// with setAttribute: nothing here ever parses a string as HTML.

/** Creates an element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child != null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

/** A stable hue per user, so a person keeps their colour across rooms and reloads. */
export function hueOf(user) {
  let hash = 0;
  for (const char of user) hash = (hash * 31 + char.codePointAt(0)) % 360;
  return hash;
}

/** A round avatar with the first letter of the display name. */
export function avatar(user, name) {
  const node = el("span", { className: "avatar", "aria-hidden": "true" }, firstLetter(name));
  node.style.setProperty("--hue", hueOf(user));
  return node;
}

export function firstLetter(name) {
  return ([...(name || "?").trim()][0] || "?").toUpperCase();
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A <time> element: short time shown, full date and time on hover and for screen readers. */
export function timeOf(iso) {
  const date = iso ? new Date(iso) : new Date();
  return el("time", { datetime: date.toISOString(), title: dateTimeFormat.format(date) }, timeFormat.format(date));
}

/** Scrolls the conversation to the latest message. */
export function scrollToEnd() {
  $("log").scrollTop = $("log").scrollHeight;
}

/** True when the conversation is scrolled to (nearly) the latest message. */
export function atEnd() {
  const log = $("log");
  return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
}
