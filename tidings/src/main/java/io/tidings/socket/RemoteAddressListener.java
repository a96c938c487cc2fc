package io.tidings.socket;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The WebSocket API does not expose the peer's address. Both Undertow and Tyrus run the upgrade
 * request through the servlet pipeline on one thread, so the address is kept here for the
 * {@link HandshakeConfigurator} running on that thread.
 */
@WebListener
public class RemoteAddressListener implements ServletRequestListener {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        CURRENT.set(event.getServletRequest().getRemoteAddr());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }

    static String current() {
        String address = CURRENT.get();
        return address == null ? "unknown" : address;
    }
}
