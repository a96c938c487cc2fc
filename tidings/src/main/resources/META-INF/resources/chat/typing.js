// Typing indicators, both ways: tells the room while this user types (at most every few seconds,
// and "stopped" after a pause), and shows who else is typing in the active room.

/** Send "typing" again at most this often while the user keeps typing. */
const RESEND_MS = 3000;
/** Send "stopped" after this long without a keystroke. */
const IDLE_MS = 4000;
/** Forget someone's typing when no new typing frame came for this long (their "stopped" may be lost). */
const EXPIRE_MS = 6000;

export class Typing {
  constructor(client, nameOf, activeRoom, output) {
    this.client = client;
    this.nameOf = nameOf;
    this.activeRoom = activeRoom;
    this.output = output;
    this.others = new Map(); // room -> Map(user -> expiry timer)
    this.lastSent = 0;
    this.idleTimer = null;
  }

  /** The user pressed a key in the composer of `room`. */
  typed(room) {
    const now = Date.now();
    if (now - this.lastSent > RESEND_MS) {
      this.client.typing(room, true);
      this.lastSent = now;
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.sent(room), IDLE_MS);
  }

  /** The user sent the message or paused: the others stop seeing the indicator. */
  sent(room) {
    clearTimeout(this.idleTimer);
    if (this.lastSent) this.client.typing(room, false);
    this.lastSent = 0;
  }

  received({ room, from, data }) {
    if (data?.typing === false) return this.stopped(room, from);
    const typists = this.others.get(room) ?? new Map();
    this.others.set(room, typists);
    clearTimeout(typists.get(from));
    typists.set(from, setTimeout(() => this.stopped(room, from), EXPIRE_MS));
    this.render();
  }

  stopped(room, user) {
    const typists = this.others.get(room);
    if (!typists?.has(user)) return;
    clearTimeout(typists.get(user));
    typists.delete(user);
    this.render();
  }

  render() {
    const names = [...(this.others.get(this.activeRoom())?.keys() ?? [])].map(this.nameOf);
    this.output.textContent = names.length === 0 ? ""
      : names.length === 1 ? `${names[0]} is typing…`
      : names.length === 2 ? `${names[0]} and ${names[1]} are typing…`
      : `${names.length} people are typing…`;
  }
}
