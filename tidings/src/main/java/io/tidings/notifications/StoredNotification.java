package io.tidings.notifications;

import io.tidings.api.Notification;
import io.tidings.protocol.Data;
import io.tidings.schema.InstantMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One notification in a user's inbox. The generated key orders a user's notifications. */
@Entity
@Table(name = "TIDINGS_NOTIFICATION", indexes = @Index(name = "TIDINGS_NOTIFICATION_USER", columnList = "USER_NAME, POSITION"))
public class StoredNotification {

    @Id
    @Column(name = "POSITION")
    @SequenceGenerator(name = "TIDINGS_NOTIFICATION_SEQ", sequenceName = "TIDINGS_NOTIFICATION_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "TIDINGS_NOTIFICATION_SEQ")
    private Long position;

    @Column(name = "NOTIFICATION_ID", length = 36, nullable = false, unique = true)
    private String notificationId;

    @Column(name = "USER_NAME", length = 128, nullable = false)
    private String user;

    @Column(name = "KIND", length = 64, nullable = false)
    private String type;

    @Column(name = "TITLE", length = 500)
    private String title;

    @Column(name = "BODY")
    private String body;

    @Column(name = "PAYLOAD")
    private String data;

    @Convert(converter = InstantMillis.class)
    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantMillis.class)
    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;

    @Convert(converter = InstantMillis.class)
    @Column(name = "READ_AT")
    private Instant readAt;

    protected StoredNotification() {
    }

    static StoredNotification of(Notification notification, Data data) {
        var stored = new StoredNotification();
        stored.notificationId = notification.id();
        stored.user = notification.target();
        stored.type = notification.type();
        stored.title = notification.title();
        stored.body = notification.body();
        stored.data = data == null ? null : data.json();
        stored.createdAt = notification.createdAt();
        return stored;
    }

    Long position() {
        return position;
    }

    /** The notification as it goes on the wire. */
    InboxItem toItem() {
        return new InboxItem(notificationId, type, title, body, Data.json(data), createdAt, readAt != null, position);
    }
}
