package io.tidings.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An order, standing for whatever record an application stores. */
@Entity
@Table(name = "TIDINGS_EXAMPLE_ORDER")
public class ExampleOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "CUSTOMER", length = 128, nullable = false)
    private String customer;

    @Column(name = "ITEM", length = 100, nullable = false)
    private String item;

    @Column(name = "QUANTITY", nullable = false)
    private int quantity;

    @Column(name = "PLACED_AT", nullable = false)
    private Instant placedAt;

    protected ExampleOrder() {
    }

    ExampleOrder(String customer, String item, int quantity) {
        this.customer = customer;
        this.item = item;
        this.quantity = quantity;
        this.placedAt = Instant.now();
    }

    Long id() {
        return id;
    }
}
