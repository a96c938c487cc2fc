// tidings.js: the browser client for the Tidings protocol (docs/protocol.md). An ES module with no
// dependencies and no build step: import it from the WAR, e.g.
//   import { connect } from "/tidings/tidings.js";

/**
 * @typedef {Object} Frame  One protocol frame.
 * @property {string} type
 * @property {*} [data]
 * @property {string} [ref]
 * @property {string} [room]
 * @property {string} [id]
 * @property {string} [from]
 * @property {number} [seq]
 * @property {string} [ts]
 *
 * @typedef {"connecting"|"open"|"reconnecting"|"closed"} State
 *
 * @typedef {Object} ConnectOptions
 * @property {string} [url]       WebSocket URL; defaults to the "ws" endpoint next to this module.
 * @property {string} [name]      guest nickname (letters, digits, ".", "_", "-"; at most 32).
 * @property {string} [token]     access token, offered as the subprotocol "bearer.<token>".
 * @property {number} [timeout]   default request timeout in ms (10000).
 * @property {number} [minDelay]  first reconnect delay in ms before jitter (1000).
 * @property {number} [maxDelay]  longest reconnect delay in ms (15000).
 * @property {number} [pingEvery] ms between keep-alive pings (25000); 0 turns them off.
 * @property {boolean} [confirmNotifications] confirm each notification frame once listeners had it
 *   (`notification.delivered`), so the server does not replay it on the next connect (true).
 */

/** Close codes after which reconnecting cannot help (bad or forbidden credentials). */
const FATAL_CLOSE_CODES = new Set([4001, 4003]);
const PROTOCOL = "tidings.v1";
const MAX_QUEUED = 256;

/** An error reply, a timeout or a lost connection; `code` is the protocol's error code or a local one. */
export class TidingsError extends Error {
  constructor(code, message, frame) {
    super(message);
    this.name = "TidingsError";
    this.code = code;
    this.frame = frame;
  }
}

/**
 * Opens a client and starts connecting. `client.ready` resolves with the first `welcome` frame.
 * @param {ConnectOptions} [options]
 * @returns {TidingsClient}
 */
export function connect(options = {}) {
  return new TidingsClient(options);
}

export class TidingsClient {
  /** @param {ConnectOptions} options */
  constructor(options) {
    this.options = { timeout: 10000, minDelay: 1000, maxDelay: 15000, pingEvery: 25000, confirmNotifications: true, ...options };
    /** @type {State} */
    this.state = "connecting";
    /** The welcome frame's data of the current connection (user, connection id). */
    this.session = null;
    this.listeners = new Map();
    this.pending = new Map();
    this.queue = [];
    this.rooms = new Map(); // room -> { lastSeq }
    this.nextRef = 1;
    this.attempt = 0;
    this.ready = new Promise((resolve, reject) => { this.readyResolve = resolve; this.readyReject = reject; });
    this.ready.catch(() => {}); // a caller that never awaits it must not see an unhandled rejection
    this.open();
  }

  /**
   * Listens to frames of a type ("message", "presence", "typing", "notification", ...) or to the
   * client's own events: "state" ({state, code}), "binary" ({room, from, data}), "members"
   * ({room, members}) after every (re)join, "resync" ({room, messages}) when a gap was too large
   * to recover, and "*" for every frame. Returns a function that stops listening.
   * @param {string} type
   * @param {(frame: any) => void} handler
   */
  on(type, handler) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type).add(handler);
    return () => this.listeners.get(type).delete(handler);
  }

  /** Sends a frame without waiting for a reply; queued while (re)connecting. */
  send(type, { room, data, ref } = {}) {
    this.transmit(compact({ type, room, data, ref }));
  }

  /**
   * Sends a frame with a fresh `ref` and resolves with its reply (`ack`, `joined`, `pong`, ...).
   * Rejects with a TidingsError: the server's error code, "timeout", or "disconnected" when the
   * connection dropped before the reply (the frame may or may not have been handled).
   */
  request(type, { room, data, timeout } = {}) {
    if (this.closedByUser) return Promise.reject(new TidingsError("closed", "the client was closed"));
    const ref = String(this.nextRef++);
    return new Promise((resolve, reject) => {
      const ms = timeout ?? this.options.timeout;
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        // Still waiting for the connection: it must not go out after the caller was told it failed.
        this.queue = this.queue.filter((queued) => queued.ref !== ref);
        reject(new TidingsError("timeout", `no reply to '${type}' within ${ms} ms`));
      }, ms);
      this.pending.set(ref, { resolve, reject, timer });
      this.transmit(compact({ type, room, data, ref }));
    });
  }

  /** Joins a room and resolves with the `joined` frame (members and latest messages). */
  async join(room, { history } = {}) {
    const joined = await this.request("join", { room, data: history == null ? undefined : { history } });
    this.rooms.set(room, { lastSeq: joined.seq ?? 0 });
    this.emit("members", { room, members: joined.data.members });
    return joined;
  }

  async leave(room) {
    this.rooms.delete(room);
    return this.request("leave", { room });
  }

  /** Sends a message; resolves with the `ack` once it is stored. */
  say(room, data) {
    return this.request("message", { room, data });
  }

  /** Up to `limit` messages before sequence number `before`: resolves with {messages, more}. */
  async history(room, before, limit = 50) {
    return (await this.request("history", { room, data: { before, limit } })).data;
  }

  typing(room, typing = true) {
    if (this.state === "open") this.send("typing", { room, data: { typing } });
  }

  rename(name) {
    return this.request("rename", { data: { name } });
  }

  /** The latest notifications, newest first, and the unread count: resolves with {notifications, unread}. */
  async notifications({ limit, unread } = {}) {
    return (await this.request("notification.list", { data: compact({ limit, unread }) })).data;
  }

  /** Marks notifications read: an array of ids, or "all". Resolves with the new unread count. */
  async markRead(ids) {
    const data = ids === "all" ? { all: true } : { ids };
    return (await this.request("notification.read", { data })).data.unread;
  }

  /**
   * Shares bytes (an image, a file) with the other members of a room as one binary frame:
   * [length of room][room][payload]. Accepts a Blob, an ArrayBuffer or a typed array.
   */
  async sendBinary(room, payload) {
    const bytes = new Uint8Array(payload instanceof Blob ? await payload.arrayBuffer()
      : ArrayBuffer.isView(payload) ? payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.byteLength) : payload);
    const name = new TextEncoder().encode(room);
    if (name.length < 1 || name.length > 255) throw new TidingsError("invalid_room", "room name must be 1 to 255 bytes");
    if (this.state !== "open") throw new TidingsError("disconnected", "not connected; try again once connected");
    const frame = new Uint8Array(1 + name.length + bytes.length);
    frame[0] = name.length;
    frame.set(name, 1);
    frame.set(bytes, 1 + name.length);
    this.socket.send(frame);
  }

  /** Closes for good: no reconnect. */
  close() {
    this.closedByUser = true;
    clearTimeout(this.retryTimer);
    this.stopPinging();
    if (this.socket) this.socket.close(1000, "bye");
    this.setState("closed");
  }

  // ---- connection lifecycle ------------------------------------------------------------------

  /** The WebSocket endpoint's URL, as given or next to this module. */
  endpoint() {
    const url = new URL(this.options.url ?? new URL("ws", import.meta.url));
    url.search = "";
    return url;
  }

  open() {
    const url = this.endpoint();
    url.protocol = url.protocol.replace(/^http/, "ws");
    if (this.options.name) url.searchParams.set("name", this.options.name);
    // Browsers cannot set headers on a WebSocket: the token travels as a subprotocol. Offer none
    // without a token, since a server that selects none fails a handshake that offered some.
    const protocols = this.options.token ? [PROTOCOL, "bearer." + this.options.token] : [];
    const socket = new WebSocket(url, protocols);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => { socket.opened = true; };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => this.closed(socket, event);
  }

  /**
   * A handshake the server refused never opens, and browsers hide its HTTP status. With a token,
   * the HTTP API next to the endpoint says whether the token is the reason (401/403): then there
   * is no point in retrying, and the caller hears why. Otherwise (server away) retrying goes on.
   */
  async checkToken() {
    const api = new URL("api/rooms", this.endpoint());
    api.protocol = api.protocol.replace(/^ws/, "http");
    try {
      const response = await fetch(api, { headers: { Authorization: `Bearer ${this.options.token}` }, cache: "no-store" });
      if (response.status !== 401 && response.status !== 403) return;
      const reason = (await response.json().catch(() => ({}))).message ?? "the access token was refused";
      this.closedByUser = true;
      clearTimeout(this.retryTimer);
      this.readyReject(new TidingsError("unauthenticated", reason));
      this.setState("closed", 4001, reason);
    } catch {
      // the server cannot be reached: keep retrying
    }
  }

  closed(socket, event) {
    if (socket !== this.socket) return;
    this.stopPinging();
    this.welcomed = false;
    for (const [ref, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new TidingsError("disconnected", "the connection closed before the reply (the server may or may not have handled it)"));
      this.pending.delete(ref);
    }
    if (this.closedByUser) return;
    if (FATAL_CLOSE_CODES.has(event.code)) {
      this.readyReject(new TidingsError("unauthenticated", event.reason || `refused (close code ${event.code})`));
      this.setState("closed", event.code, event.reason);
      return;
    }
    if (this.options.token && !socket.opened) this.checkToken();
    // Jitter (between half and all of the exponential ceiling): many clients dropped at once by one
    // server do not all come back at the same moment.
    const ceiling = Math.min(this.options.maxDelay, this.options.minDelay * 2 ** this.attempt++);
    const delay = ceiling / 2 + Math.random() * ceiling / 2;
    this.setState("reconnecting", event.code, event.reason);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  async welcomed_(frame) {
    this.session = frame.data;
    this.welcomed = true;
    this.attempt = 0;
    this.startPinging();
    this.readyResolve(frame);
    await this.rejoin();
    this.setState("open");
    const queued = this.queue.splice(0);
    queued.forEach(({ text }) => this.socket.send(text));
  }

  /** After a reconnect: rejoin every room with the last sequence seen, so nothing is lost or doubled. */
  async rejoin() {
    const rejoins = [...this.rooms.entries()].map(async ([room, seen]) => {
      const frame = compact({ type: "join", room, ref: String(this.nextRef++), data: { since: seen.lastSeq } });
      const joined = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(frame.ref);
          reject(new TidingsError("timeout", `rejoining ${room} timed out`));
        }, this.options.timeout);
        this.pending.set(frame.ref, { resolve, reject, timer });
        this.socket.send(JSON.stringify(frame));
      });
      this.emit("members", { room, members: joined.data.members });
      if (joined.data.recovered) {
        joined.data.messages.forEach((message) => this.deliver(message));
      } else {
        this.emit("resync", { room, messages: joined.data.messages });
      }
      seen.lastSeq = Math.max(seen.lastSeq, joined.seq ?? 0);
    });
    const results = await Promise.allSettled(rejoins);
    results.filter((r) => r.status === "rejected").forEach((r) => this.emit("error", { error: r.reason }));
  }

  transmit(frame) {
    const text = JSON.stringify(frame);
    if (this.state === "open" && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(text);
    } else if (this.queue.length < MAX_QUEUED) {
      this.queue.push({ text, ref: frame.ref });
    } else {
      throw new TidingsError("offline", `not connected and ${MAX_QUEUED} frames already waiting`);
    }
  }

  receive(raw) {
    if (typeof raw !== "string") return this.receiveBinary(new Uint8Array(raw));
    let frame;
    try {
      frame = JSON.parse(raw);
    } catch {
      return this.emit("error", { error: new TidingsError("invalid_json", "the server sent a frame that is not JSON") });
    }
    if (frame.type === "welcome") return void this.welcomed_(frame);
    const pending = frame.ref != null && this.pending.get(frame.ref);
    if (pending) {
      this.pending.delete(frame.ref);
      clearTimeout(pending.timer);
      if (frame.type === "error") pending.reject(new TidingsError(frame.data?.code, frame.data?.message, frame));
      else pending.resolve(frame);
      return;
    }
    if (frame.type === "message") return this.deliver(frame);
    this.emit(frame.type, frame);
    if (frame.type === "notification" && frame.id && this.options.confirmNotifications) {
      this.send("notification.delivered", { data: { ids: [frame.id] } });
    }
  }

  /** Hands a room message to listeners once: a sequence number already seen is dropped. */
  deliver(message) {
    const seen = this.rooms.get(message.room);
    if (seen && message.seq != null) {
      if (message.seq <= seen.lastSeq) return;
      seen.lastSeq = message.seq;
    }
    this.emit("message", message);
  }

  receiveBinary(bytes) {
    const decoder = new TextDecoder();
    const roomLength = bytes[0];
    const room = decoder.decode(bytes.subarray(1, 1 + roomLength));
    const fromLength = bytes[1 + roomLength];
    const from = decoder.decode(bytes.subarray(2 + roomLength, 2 + roomLength + fromLength));
    this.emit("binary", { room, from, data: bytes.slice(2 + roomLength + fromLength).buffer });
  }

  emit(type, value) {
    for (const key of [type, "*"]) {
      for (const handler of this.listeners.get(key) ?? []) {
        try {
          handler(value);
        } catch (error) {
          console.error(`tidings: a '${type}' listener failed`, error);
        }
      }
    }
  }

  setState(state, code, reason) {
    if (this.state === state) return;
    this.state = state;
    this.emit("state", { state, code, reason });
  }

  startPinging() {
    if (!this.options.pingEvery) return;
    this.pingTimer = setInterval(() => {
      // An unanswered ping means the connection is dead without the browser noticing: reconnect.
      this.request("ping", { timeout: this.options.timeout }).catch((error) => {
        if (error.code === "timeout" && this.socket.readyState === WebSocket.OPEN) this.socket.close(4000, "no pong");
      });
    }, this.options.pingEvery);
  }

  stopPinging() {
    clearInterval(this.pingTimer);
  }
}

function compact(frame) {
  return Object.fromEntries(Object.entries(frame).filter(([, value]) => value !== undefined));
}
