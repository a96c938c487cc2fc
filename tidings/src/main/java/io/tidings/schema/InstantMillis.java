package io.tidings.schema;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;

/**
 * Stores an {@link Instant} as milliseconds since the epoch ({@code BIGINT}): the same column for
 * both JPA providers and every database, free of time zones. (EclipseLink 4 has no mapping of its
 * own for {@code Instant} and would store it serialised.) Tidings makes its instants to the
 * millisecond, so nothing is lost.
 */
@Converter
public class InstantMillis implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
