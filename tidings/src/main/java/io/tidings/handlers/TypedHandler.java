package io.tidings.handlers;

import io.tidings.api.HandlerException;
import io.tidings.api.Sender;
import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import io.tidings.protocol.Json;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.bind.JsonbException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Calls one application {@code @Handles} method for the frames of its type. */
final class TypedHandler implements FrameHandler {

    private static final Logger LOG = Logger.getLogger(TypedHandler.class.getName());
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final HandlerMethod handler;
    private final BeanManager beans;
    private volatile Object target;

    TypedHandler(HandlerMethod handler, BeanManager beans) {
        this.handler = handler;
        this.beans = beans;
        handler.method().setAccessible(true);
    }

    /** A frame handler for every {@code @Handles} method the extension found. */
    public static java.util.List<FrameHandler> all(HandlerExtension extension, BeanManager beans) {
        return extension.handlers().stream().<FrameHandler>map(h -> new TypedHandler(h, beans)).toList();
    }

    @Override
    public String type() {
        return handler.type();
    }

    @Override
    public void handle(Connection connection, Envelope frame) {
        Object[] arguments = arguments(connection, frame);
        Object result;
        try {
            result = handler.method().invoke(target(), arguments);
        } catch (InvocationTargetException e) {
            throw failure(e.getCause(), frame);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (result != null || frame.ref() != null) {
            connection.send(Frames.ack(frame.ref(), result == null ? (Data) null : Data.json(Json.jsonb().toJson(result))));
        }
    }

    private Object[] arguments(Connection connection, Envelope frame) {
        Type[] types = handler.method().getGenericParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i] == Sender.class ? new Sender(connection.id(), connection.user()) : bind(frame, types[i]);
        }
        return arguments;
    }

    private static Object bind(Envelope frame, Type type) {
        if (frame.data() == null) {
            return null;
        }
        try {
            return Json.jsonb().fromJson(frame.data().json(), type); // bound once, from the text the client sent
        } catch (JsonbException e) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "data does not fit what '" + frame.type() + "' expects ("
                    + type.getTypeName().replaceAll("^.*\\.", "") + ")");
        }
    }

    private RuntimeException failure(Throwable cause, Envelope frame) {
        if (cause instanceof HandlerException e && e.code() != null && CODE.matcher(e.code()).matches()) {
            return new FrameException(e.code(), e.getMessage());
        }
        LOG.log(Level.WARNING, "handler " + handler.describe() + " failed", cause);
        return new FrameException(ErrorCode.HANDLER_FAILED, "the handler for '" + frame.type() + "' failed");
    }

    private Object target() {
        Object current = target;
        if (current == null) {
            var bean = handler.bean();
            current = beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean));
            target = current;
        }
        return current;
    }
}
