package io.tidings.dispatch;

import io.tidings.connections.Connection;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import io.tidings.protocol.Inbound;
import io.tidings.protocol.Malformed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes every decoded client frame to the handler of its type and replies to what fails. */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    @Any
    Instance<FrameHandler> handlers;

    @Inject
    Instance<BinaryHandler> binary;

    private final Map<String, FrameHandler> byType = new TreeMap<>();

    @Inject
    @Any
    Instance<HandlerSource> sources;

    @PostConstruct
    void index() {
        List<FrameHandler> all = new ArrayList<>();
        handlers.forEach(all::add);
        sources.forEach(source -> all.addAll(source.handlers()));
        for (FrameHandler handler : all) {
            FrameHandler previous = byType.putIfAbsent(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for frame type '" + handler.type() + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    public void dispatch(Connection connection, Inbound inbound) {
        if (inbound instanceof Malformed malformed) {
            connection.send(Frames.error(malformed));
            return;
        }
        var frame = (Envelope) inbound;
        FrameHandler handler = byType.get(frame.type());
        if (handler == null) {
            connection.send(Frames.error(ErrorCode.UNKNOWN_TYPE,
                    "unknown type '" + frame.type() + "'; known types: " + String.join(", ", byType.keySet()), frame.ref()));
            return;
        }
        try {
            handler.handle(connection, frame);
        } catch (FrameException e) {
            connection.send(Frames.error(e.code(), e.getMessage(), frame.ref()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handler for '" + frame.type() + "' failed on " + connection, e);
            connection.send(Frames.error(ErrorCode.INTERNAL, "the server failed to handle this " + frame.type()
                    + " frame; it may be retried", frame.ref()));
        }
    }

    /** Binary frames go to the one {@link BinaryHandler}; without one they are refused. */
    public void dispatchBinary(Connection connection, ByteBuffer data) {
        if (binary.isUnsatisfied()) {
            connection.send(Frames.error(ErrorCode.UNSUPPORTED_FRAME, "binary frames are not accepted here; send JSON text frames", null));
            return;
        }
        try {
            binary.get().handle(connection, data);
        } catch (FrameException e) {
            connection.send(Frames.error(e.code(), e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "binary frame handling failed on " + connection, e);
            connection.send(Frames.error(ErrorCode.INTERNAL, "the server failed to handle this binary frame", null));
        }
    }
}
