/**
 * The database schema: versioned migrations (Flyway, {@code db/tidings/<database>} in this jar) run
 * before anything else when the application starts, and the column mappings both JPA providers
 * read the same way.
 */
package io.tidings.schema;
