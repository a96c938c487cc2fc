package io.tidings.security;

import io.tidings.protocol.CloseCodes;

/**
 * Why a handshake or a credential was refused. Before the upgrade it becomes an HTTP status;
 * on an open connection, a close code.
 */
public class Refusal extends RuntimeException {

    private final int httpStatus;
    private final int closeCode;
    private final String code;

    Refusal(int httpStatus, int closeCode, String message) {
        this(httpStatus, closeCode, null, message);
    }

    private Refusal(int httpStatus, int closeCode, String code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.closeCode = closeCode;
        this.code = code;
    }

    /** Malformed input in the request itself (a guest name that breaks the rules): 400 with {@code code}. */
    static Refusal invalid(String code, String message) {
        return new Refusal(400, CloseCodes.FORBIDDEN, code, message);
    }

    /** The stable error code of a 400 refusal ({@link #invalid}); null for the others. */
    public String code() {
        return code;
    }

    /** Missing or invalid credentials: 401 before the upgrade, 4001 after. */
    static Refusal unauthenticated(String message) {
        return new Refusal(401, CloseCodes.UNAUTHENTICATED, message);
    }

    /** Valid credentials or a request that is not allowed: 403, 4003. */
    static Refusal forbidden(String message) {
        return new Refusal(403, CloseCodes.FORBIDDEN, message);
    }

    /** A connection limit is reached: 429 (503 for the server-wide limit), 4013. */
    static Refusal tooMany(int httpStatus, String message) {
        return new Refusal(httpStatus, CloseCodes.TOO_MANY_CONNECTIONS, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int closeCode() {
        return closeCode;
    }
}
