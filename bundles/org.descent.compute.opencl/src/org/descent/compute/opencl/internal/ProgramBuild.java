package org.descent.compute.opencl.internal;

import java.nio.file.Path;

import org.descent.core.Precision;

/**
 * How a device's program for a precision came to be.
 *
 * @param precision the program's precision
 * @param cached whether it was loaded from the program cache (else compiled from source)
 * @param millis how long building or loading took
 * @param file the cache file of the program
 */
public record ProgramBuild(Precision precision, boolean cached, long millis, Path file) {
}
