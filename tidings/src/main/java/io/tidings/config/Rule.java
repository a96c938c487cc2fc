package io.tidings.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What values a {@link Setting} allows, checked when the application starts and when a value is read. */
sealed interface Rule {

    /** Why the value is not allowed, or empty when it is. The value is never blank (blank means the default). */
    Optional<String> refuse(String value);

    /** What is allowed, as the deployment error says it. */
    String allowed();

    static Rule whole(long min, long max) {
        return new Whole(min, max);
    }

    static Rule text() {
        return new Text();
    }

    static Rule oneOf(String... values) {
        return new OneOf(List.of(values));
    }

    static Rule listOf(String... values) {
        return new ListOf(List.of(values));
    }

    /** A whole number in [min, max]. */
    record Whole(long min, long max) implements Rule {
        @Override
        public Optional<String> refuse(String value) {
            try {
                long number = Long.parseLong(value.trim());
                return number < min || number > max ? Optional.of(allowed()) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of(allowed());
            }
        }

        @Override
        public String allowed() {
            return "a whole number " + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? "of at least " + min
                    : "from " + min + " to " + max);
        }
    }

    /** Any text (names, keys, file locations, lists read by their own parsers). */
    record Text() implements Rule {
        @Override
        public Optional<String> refuse(String value) {
            return Optional.empty();
        }

        @Override
        public String allowed() {
            return "any text";
        }
    }

    /** One of the values, in any case. */
    record OneOf(List<String> values) implements Rule {
        @Override
        public Optional<String> refuse(String value) {
            return values.stream().anyMatch(v -> v.equalsIgnoreCase(value.trim())) ? Optional.empty() : Optional.of(allowed());
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A comma-separated list of the values, at least one. */
    record ListOf(List<String> values) implements Rule {
        @Override
        public Optional<String> refuse(String value) {
            List<String> given = Arrays.stream(value.split(",")).map(v -> v.trim().toLowerCase(Locale.ROOT))
                    .filter(v -> !v.isEmpty()).toList();
            return given.isEmpty() || !values.containsAll(given) ? Optional.of(allowed()) : Optional.empty();
        }

        @Override
        public String allowed() {
            return "a comma-separated list of " + String.join(", ", values);
        }
    }
}
