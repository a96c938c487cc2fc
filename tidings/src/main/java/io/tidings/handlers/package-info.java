/**
 * The application's typed frame handlers: a CDI portable extension finds every
 * {@link io.tidings.api.Handles} method, validates them at deployment, and the dispatcher calls
 * them with the frame's data bound by JSON-B.
 */
package io.tidings.handlers;
