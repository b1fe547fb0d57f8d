package dev.baton.sdk;

/** The {@code error} text a worker reports for a throwable: its message, or its class name when it has none. */
final class ErrorText {

    private ErrorText() {}

    static String of(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }
}
