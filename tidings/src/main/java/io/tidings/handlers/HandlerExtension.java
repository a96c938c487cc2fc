package io.tidings.handlers;

import io.tidings.api.Handles;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.EnvelopeDecoder;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the application's {@link Handles} methods and fails the deployment, with a message that
 * names the methods, when two handle one type, when a type is one Tidings handles itself, when a
 * type is not a valid frame type, or when a signature cannot be called.
 */
public class HandlerExtension implements Extension {

    private final List<HandlerMethod> found = new ArrayList<>();
    private final Set<String> builtIn = new HashSet<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        Class<?> beanClass = event.getAnnotatedBeanClass().getJavaClass();
        FrameType frameType = beanClass.getAnnotation(FrameType.class);
        if (frameType != null && FrameHandler.class.isAssignableFrom(beanClass)) {
            builtIn.add(frameType.value());
        }
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            Handles handles = method.getAnnotation(Handles.class);
            if (handles != null) {
                found.add(new HandlerMethod(handles.value(), event.getBean(), method.getJavaMember()));
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation validation) {
        problems(found, builtIn).forEach(problem -> validation.addDeploymentProblem(new DeploymentException(problem)));
    }

    static List<String> problems(List<HandlerMethod> handlers, Set<String> builtIn) {
        List<String> problems = new ArrayList<>();
        Map<String, HandlerMethod> byType = new HashMap<>();
        for (HandlerMethod handler : handlers) {
            if (!EnvelopeDecoder.TYPE.matcher(handler.type()).matches()) {
                problems.add("@Handles(\"" + handler.type() + "\") on " + handler.describe() + ": a frame type must match "
                        + EnvelopeDecoder.TYPE.pattern());
            } else if (builtIn.contains(handler.type())) {
                problems.add("@Handles(\"" + handler.type() + "\") on " + handler.describe()
                        + ": Tidings handles '" + handler.type() + "' itself; choose another type, e.g. 'app." + handler.type() + "'");
            }
            HandlerMethod other = byType.putIfAbsent(handler.type(), handler);
            if (other != null) {
                problems.add("two @Handles(\"" + handler.type() + "\") methods: " + other.describe() + " and " + handler.describe()
                        + "; a frame type has exactly one handler");
            }
            problems.addAll(handler.signatureProblems());
        }
        return problems;
    }

    /** The handler methods found, for the dispatcher. */
    public List<HandlerMethod> handlers() {
        return List.copyOf(found);
    }
}
