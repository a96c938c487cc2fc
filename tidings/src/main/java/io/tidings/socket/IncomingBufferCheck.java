package io.tidings.socket;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.logging.Logger;

/**
 * Warns at start when Tyrus's incoming buffer ({@value #PARAMETER}, set in the jar's {@code web-fragment.xml}) cannot
 * hold a frame of {@code tidings.limits.frame-bytes}: Tyrus would close such frames with 1011 before
 * Tidings sees them. Other containers have no such buffer.
 */
@WebListener
public class IncomingBufferCheck implements ServletContextListener {

    static final String PARAMETER = "org.glassfish.tyrus.servlet.incoming-buffer-size";
    /** Tyrus's own default: 4 MB of payload and 11 bytes of header. */
    static final int TYRUS_DEFAULT = 4_194_315;
    /** The largest frame header: 2 bytes, a 64-bit length and the mask. */
    static final int HEADER_BYTES = 14;

    private static final Logger LOG = Logger.getLogger(IncomingBufferCheck.class.getName());

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Object container = context.getAttribute("jakarta.websocket.server.ServerContainer");
        if (container == null || !container.getClass().getName().startsWith("org.glassfish.tyrus.")) {
            return;
        }
        String configured = context.getInitParameter(PARAMETER);
        long buffer = TYRUS_DEFAULT; // Tyrus also falls back to it for a value that is not a number
        try {
            buffer = configured == null ? TYRUS_DEFAULT : Integer.parseInt(configured);
        } catch (NumberFormatException e) {
            LOG.warning(() -> "context-param " + PARAMETER + " is not a number; Tyrus uses " + TYRUS_DEFAULT);
        }
        long size = buffer;
        long needed;
        try {
            needed = (long) settings.integer(Setting.MAX_FRAME_BYTES) + HEADER_BYTES;
        } catch (IllegalStateException badValue) {
            return; // SettingsCheck fails the deployment for it, naming every bad setting
        }
        if (size < needed) {
            LOG.warning(() -> "context-param " + PARAMETER + " is " + size + " bytes, less than a frame of "
                    + "tidings.limits.frame-bytes: Tyrus closes such frames with 1011. Set it to at least " + needed
                    + " (twice the limit plus " + HEADER_BYTES + " keeps 1009 for frames up to twice the limit).");
        }
    }
}
