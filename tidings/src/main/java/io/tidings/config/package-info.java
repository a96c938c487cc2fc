/**
 * Settings: every limit and option Tidings has, with its default, read from system properties
 * ({@code -Dtidings.outbound.max-messages=512}) or environment variables
 * ({@code TIDINGS_OUTBOUND_MAX_MESSAGES=512}).
 */
package io.tidings.config;
