package io.tidings.handlers;

import io.tidings.api.Sender;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandlerExtensionTest {

    @SuppressWarnings("unused")
    static class Handlers {
        public String one(String data, Sender sender) {
            return data;
        }

        public String two(String data) {
            return data;
        }

        public String tooMany(String a, String b) {
            return a + b;
        }
    }

    private static HandlerMethod handler(String type, String method) {
        for (Method m : Handlers.class.getMethods()) {
            if (m.getName().equals(method)) {
                return new HandlerMethod(type, null, m);
            }
        }
        throw new IllegalArgumentException(method);
    }

    @Test
    void validHandlersHaveNoProblems() {
        assertEquals(List.of(), HandlerExtension.problems(List.of(handler("app.one", "one"), handler("app.two", "two")), Set.of("join")));
    }

    @Test
    void twoHandlersForOneTypeAreReportedWithBothMethodNames() {
        List<String> problems = HandlerExtension.problems(List.of(handler("app.x", "one"), handler("app.x", "two")), Set.of());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("Handlers.one") && problems.get(0).contains("Handlers.two"), problems.get(0));
    }

    @Test
    void aBuiltInTypeIsReportedWithAnAlternative() {
        List<String> problems = HandlerExtension.problems(List.of(handler("join", "one")), Set.of("join", "ping"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("'app.join'"), problems.get(0));
    }

    @Test
    void anInvalidTypeAndATooLongSignatureAreReported() {
        assertEquals(1, HandlerExtension.problems(List.of(handler("Not Valid", "one")), Set.of()).size());
        assertTrue(HandlerExtension.problems(List.of(handler("app.many", "tooMany")), Set.of()).get(0).contains("at most one"));
    }
}
