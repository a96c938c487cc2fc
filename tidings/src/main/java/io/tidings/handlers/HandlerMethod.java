package io.tidings.handlers;

import io.tidings.api.Sender;
import jakarta.enterprise.inject.spi.Bean;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One {@code @Handles} method found at deployment: its frame type, its bean and the method. */
record HandlerMethod(String type, Bean<?> bean, Method method) {

    String describe() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    /** What is wrong with the method's signature; empty when it can be called. */
    List<String> signatureProblems() {
        List<String> problems = new ArrayList<>();
        long dataParameters = Arrays.stream(method.getParameterTypes()).filter(p -> p != Sender.class).count();
        if (dataParameters > 1) {
            problems.add(describe() + " has " + dataParameters + " data parameters; a @Handles method takes at most one"
                    + " parameter for the frame's data, plus optionally a Sender");
        }
        return problems;
    }
}
