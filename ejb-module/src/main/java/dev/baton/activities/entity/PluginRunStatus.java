package dev.baton.activities.entity;

/** One plugin's status within a run, with the reference's names in JSON ({@link #json()}). */
public enum PluginRunStatus {
    PENDING("Pending"),
    IN_PROGRESS("InProgress"),
    COMPLETE("Complete"),
    ERROR("Error");

    private final String json;

    PluginRunStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == ERROR;
    }
}
