/**
 * The bundled chat page and the {@code tidings.js} client it is built on: the HTTP headers that
 * keep the page from running anything but its own scripts.
 */
package io.tidings.web;
