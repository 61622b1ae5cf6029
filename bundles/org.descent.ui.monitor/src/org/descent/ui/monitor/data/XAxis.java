package org.descent.ui.monitor.data;

/** What the monitor's x axis measures, as TensorBoard offers it. */
public enum XAxis {
    /** The optimizer step. */
    STEP("step"),
    /** Epochs, fractional within an epoch (step 50 of 100 in epoch 2 is 2.5). */
    EPOCH("epoch"),
    /** The time of day the step was taken. */
    WALL_TIME("wall time"),
    /** Seconds since the run started. */
    RELATIVE_TIME("relative time (s)");

    private final String title;

    XAxis(String title) {
        this.title = title;
    }

    /** The axis' title and the choice's name in the view. */
    public String title() {
        return title;
    }
}
