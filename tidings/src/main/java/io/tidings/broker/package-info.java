/**
 * The one seam every delivery to more than one connection goes through: a room, all sockets and
 * streams of a user, everyone. {@link io.tidings.broker.Broker} is what rooms, users,
 * notifications, presence, typing and the HTTP API publish to; {@link io.tidings.broker.LocalBroker},
 * the default, encodes a frame once and hands the same text to each local recipient's outbound
 * path. A broker between nodes publishes here and lets every node deliver to its own members,
 * which it reaches through {@link io.tidings.broker.RoomMembers}.
 */
package io.tidings.broker;
