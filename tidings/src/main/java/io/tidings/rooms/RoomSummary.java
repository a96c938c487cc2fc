package io.tidings.rooms;

/**
 * What the HTTP API shows of a room.
 *
 * @param name    the room name
 * @param members how many sockets and streams are in the room on this server
 * @param lastSeq the sequence number of the last stored message, 0 when there is none
 */
public record RoomSummary(String name, int members, long lastSeq) {
}
