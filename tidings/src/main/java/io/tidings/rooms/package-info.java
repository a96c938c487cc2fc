/**
 * Rooms: membership, presence (a user counts once however many sockets it has in a room),
 * typing, per-room sequence numbers, the recent-message window and recovery after a reconnect.
 */
package io.tidings.rooms;
