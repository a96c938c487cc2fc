package io.tidings.sse;

import io.tidings.http.ApiException;

/**
 * Where a resuming stream starts: the {@code Last-Event-ID} header an {@code EventSource} sends
 * when it reconnects, or the {@code lastEventId} query parameter for a client's first request.
 * Both streams number their events with whole numbers (a room's sequence, an inbox position).
 */
final class LastEventId {

    private LastEventId() {
    }

    /** The position to resume after, or null for a stream that starts fresh. */
    static Long parse(String header, String parameter, String what) {
        String value = header != null ? header : parameter;
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("invalid_last_event_id", "Last-Event-ID must be " + what + " (a whole number >= 0)");
    }
}
