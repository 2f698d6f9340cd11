package org.mlaexchange.console.api;

/** The three services the console calls, each with the officer's own token. */
public enum Service {
    REQUESTS("request-service"),
    EVIDENCE("evidence-service"),
    EXTRADITION("extradition-service");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Service byLabel(String label) {
        for (Service s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service " + label);
    }
}
