/**
 * A small example of using Tidings from application code, shipped in the WAR: a typed handler
 * that stores an order and notifies its user after the commit ({@link io.tidings.example.OrderDesk}),
 * and an observer of lifecycle events that counts online users ({@link io.tidings.example.OnlineUsers}).
 * Try it from a socket: {@code {"type":"example.order","ref":"1","data":{"item":"tea","quantity":2}}}.
 */
package io.tidings.example;
