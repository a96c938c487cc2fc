// What the page knows, shared by its modules: the client, who is signed in, the rooms joined and
// the display names seen.
export const chat = {
  client: null,
  /** the signed-in user */
  me: null,
  /** the room shown, or null */
  active: null,
  /** room -> { timeline, members: Map(user -> name), unread } */
  rooms: new Map(),
  /** user -> display name, across rooms */
  names: new Map(),
  typing: null,
};

export const nameOf = (user) => chat.names.get(user) ?? user;
