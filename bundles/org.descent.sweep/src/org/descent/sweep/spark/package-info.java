/**
 * Sweeps on Apache Spark: {@link org.descent.sweep.spark.SparkTrials} runs each trial as a Spark
 * task from a driver JVM of its own (Spark never runs inside OSGi), the task runs
 * {@code descent sweep-trial} with the shipped product, and {@link org.descent.sweep.spark.TrialLink}
 * streams the trial's run folder back to the {@link org.descent.sweep.spark.Receiver} of the
 * sweeping process.
 */
@NonNullByDefault
package org.descent.sweep.spark;

import org.eclipse.jdt.annotation.NonNullByDefault;
