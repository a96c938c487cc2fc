/**
 * Dispatch: maps a frame's {@code type} to the one handler for it and turns failures into
 * {@code error} replies. Checks that apply to every frame sit here, once.
 */
package io.tidings.dispatch;
