package io.tidings.handlers;

import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.HandlerSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.List;

/** The application's {@code @Handles} methods, found by {@link HandlerExtension}, as frame handlers. */
@ApplicationScoped
class TypedHandlers implements HandlerSource {

    @Inject
    HandlerExtension extension;

    @Inject
    BeanManager beans;

    @Override
    public List<FrameHandler> handlers() {
        return TypedHandler.all(extension, beans);
    }
}
