package io.tidings.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user name an authenticated user has used: guests may never take it, also after a restart. */
@Entity
@Table(name = "TIDINGS_HELD_NAME")
public class HeldName {

    @Id
    @Column(name = "NAME", length = 128)
    private String name;

    @Column(name = "FIRST_SEEN", nullable = false)
    private Instant firstSeen;

    protected HeldName() {
    }

    HeldName(String name) {
        this.name = name;
        this.firstSeen = Instant.now();
    }
}
