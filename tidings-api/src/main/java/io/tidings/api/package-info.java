/**
 * What application code uses to talk to Tidings, and nothing else:
 * <ul>
 *     <li>{@link io.tidings.api.Notification}: fire it with {@code @Inject Event<Notification>} to notify a
 *     user (stored, delivered to every socket, replayed when the user was offline), a room, or everyone.
 *     Fired inside a JTA transaction it is delivered only after the commit.</li>
 *     <li>Lifecycle events to observe: {@link io.tidings.api.ConnectionEvent} ({@code @Connected},
 *     {@code @Disconnected}), {@link io.tidings.api.RoomEvent} ({@code @Joined}, {@code @Left}) and
 *     {@link io.tidings.api.MessageReceived}.</li>
 *     <li>{@link io.tidings.api.Handles}: marks a bean method as the handler of a frame type; the frame's
 *     {@code data} is bound to its parameter, its return value is the reply.</li>
 * </ul>
 */
package io.tidings.api;
