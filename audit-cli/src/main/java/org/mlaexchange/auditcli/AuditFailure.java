package org.mlaexchange.auditcli;

/** The audit could not be carried out (no connection, no token, a refusal): exit code 2, not a verdict on the log. */
final class AuditFailure extends RuntimeException {

    AuditFailure(String message) {
        super(message);
    }

    AuditFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
