/**
 * Counts what happens where it happens (connections opened and closed, frames in and out, drops,
 * slow consumers, authentication failures) in one Micrometer registry bundled in the WAR, because
 * WildFly and Payara offer different metrics APIs; exposed as Prometheus text and as JSON.
 */
package io.tidings.metrics;
