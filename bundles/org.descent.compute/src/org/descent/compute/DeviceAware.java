package org.descent.compute;

import org.descent.core.Precision;

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
     * The device to compute on. It computes in {@link #precisionOn the device's precision} and
     * says so in what it reports.
     */
    void useDevice(Device device);

    /**
     * The precision such a contribution computes in on a device: fp64 where the device
     * {@linkplain Device#supports supports} it, else fp32.
     */
    static Precision precisionOn(Device device) {
        return device.supports(Precision.FP64) ? Precision.FP64 : Precision.FP32;
    }
}
