package io.tidings.example;

import io.tidings.api.HandlerException;
import io.tidings.api.Handles;
import io.tidings.api.Notification;
import io.tidings.api.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A typed handler: {@code example.order} frames are bound to {@link OrderRequest}, the order is
 * stored, and the user is notified, on every socket, once the transaction has committed.
 */
@ApplicationScoped
public class OrderDesk {

    /** What a client sends. */
    public record OrderRequest(String item, int quantity) {
    }

    /** What the client gets back in the {@code ack}. */
    public record OrderReceipt(long order, String item, int quantity) {
    }

    @PersistenceContext(unitName = "example")
    EntityManager em;

    @Inject
    Event<Notification> notifications;

    @Handles("example.order")
    @Transactional
    public OrderReceipt place(OrderRequest request, Sender sender) {
        if (request == null || request.item() == null || request.item().isBlank() || request.item().length() > 100) {
            throw new HandlerException("invalid_order", "an order needs an item of 1 to 100 characters");
        }
        if (request.quantity() < 1) {
            throw new HandlerException("invalid_order", "quantity must be at least 1");
        }
        var order = new ExampleOrder(sender.user(), request.item(), request.quantity());
        em.persist(order);
        em.flush();
        var receipt = new OrderReceipt(order.id(), request.item(), request.quantity());
        notifications.fire(Notification.toUser(sender.user(), "order.placed", "Order received",
                request.quantity() + " x " + request.item()).withData(receipt));
        return receipt;
    }
}
