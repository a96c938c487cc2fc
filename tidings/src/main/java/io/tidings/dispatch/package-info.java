/**
 * Dispatch: maps a frame's {@code type} to the one handler for it (the {@code FrameHandler} beans,
 * and what each {@code HandlerSource} gives, such as the application's {@code @Handles} methods)
 * and turns failures into {@code error} replies. The checks every client frame passes first (size,
 * rate, room access) are made before it, in the socket pipeline.
 */
package io.tidings.dispatch;
