/**
 * The container's default resources (executors, thread factory, datasource), looked up by the
 * standard names every Jakarta EE 10 container binds. Depends on nothing else in Tidings.
 */
package io.tidings.platform;
