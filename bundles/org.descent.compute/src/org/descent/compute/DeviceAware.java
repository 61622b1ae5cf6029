package org.descent.compute;

/**
 * A contribution other than a model (an analysis, a loss) that can compute on a compute
 * {@link Device}: the engine hands it the device of {@code --device} after configuring it and
 * before it runs. Without a call it computes on the host, as contributions that do not implement
 * this interface always do.
 *
 * @since 0.1.0
 */
public interface DeviceAware {

    /**
     * The device to compute on. It computes in fp64 where the device {@linkplain Device#supports
     * supports} it, else in fp32, and says so in what it reports.
     */
    void useDevice(Device device);
}
