package io.tidings.notifications;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/**
 * {@code notification.list}: the user's latest notifications (newest first) and unread count, in
 * the {@code ack}. {@code data.unread:true} lists unread ones only; {@code data.limit} (at most
 * {@code tidings.notifications.list-page}, the default).
 */
@ApplicationScoped
@FrameType("notification.list")
class ListHandler implements FrameHandler {

    @Inject
    NotificationStore store;

    @Inject
    Settings settings;

    @Override
    public void handle(Connection connection, Envelope frame) {
        var options = frame.dataObject();
        JsonValue limitValue = options.get("limit");
        int max = settings.integer(Setting.NOTIFICATIONS_LIST_PAGE);
        int limit = max;
        if (limitValue != null) {
            if (!(limitValue instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1 || n.longValue() > max) {
                throw new FrameException(ErrorCode.INVALID_FIELD, "data.limit must be a whole number from 1 to " + max);
            }
            limit = n.intValue();
        }
        var items = store.latest(connection.user(), options.get("unread") == JsonValue.TRUE, limit);
        var fields = Json.createObjectBuilder().add("unread", store.unread(connection.user())).build();
        connection.send(Frames.ack(frame.ref(), Data.withArray(fields, "notifications",
                items.stream().map(item -> item.json().json()).toList())));
    }
}
