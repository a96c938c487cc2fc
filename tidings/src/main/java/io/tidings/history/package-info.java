/**
 * Room history: the JPA entity of a stored room message, queries for recovery, and the writer
 * that stores messages in batches before they are broadcast and acknowledged.
 */
package io.tidings.history;
