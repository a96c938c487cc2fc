/**
 * The one seam every delivery to more than one connection goes through: a room, all sockets of a
 * user, everyone. It encodes a frame once and hands the same text to each recipient's outbound
 * path. Today it delivers in-process; a multi-node engine would publish here and let every node
 * deliver to its own members.
 */
package io.tidings.fanout;
