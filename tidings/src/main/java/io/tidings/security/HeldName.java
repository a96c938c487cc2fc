package io.tidings.security;

import io.tidings.schema.InstantMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A user name an authenticated user has used: guests may never take it, also after a restart. */
@Entity
@Table(name = "TIDINGS_HELD_NAME")
public class HeldName {

    @Id
    @Column(name = "NAME", length = 128)
    private String name;

    @Convert(converter = InstantMillis.class)
    @Column(name = "FIRST_SEEN", nullable = false)
    private Instant firstSeen;

    protected HeldName() {
    }

    HeldName(String name) {
        this.name = name;
        this.firstSeen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
