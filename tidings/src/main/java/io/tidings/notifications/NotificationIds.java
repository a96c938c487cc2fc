package io.tidings.notifications;

import io.tidings.dispatch.FrameException;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code data.ids}, the notification ids a client frame refers to. */
public final class NotificationIds {

    static final int MAX = 1000;

    private NotificationIds() {
    }

    static List<String> of(Envelope frame) {
        return of(frame.dataObject(), "data.");
    }

    /** The {@code ids} field of a JSON object; {@code prefix} names where the object sits, for the error message. */
    public static List<String> of(jakarta.json.JsonObject object, String prefix) {
        JsonValue value = object.get("ids");
        if (!(value instanceof JsonArray array) || array.size() > MAX) {
            throw new FrameException(ErrorCode.INVALID_FIELD, prefix + "ids must be an array of at most " + MAX
                    + " notification ids (or send \"all\":true)");
        }
        List<String> ids = new ArrayList<>(array.size());
        for (JsonValue id : array) {
            if (!(id instanceof JsonString s)) {
                throw new FrameException(ErrorCode.INVALID_FIELD, prefix + "ids must hold strings");
            }
            ids.add(s.getString());
        }
        return ids;
    }
}
