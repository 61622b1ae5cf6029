/**
 * The conformance suite every compute backend passes: {@link org.descent.compute.testing.DeviceConformance}
 * runs every operation of a device against independent fp64 references written in the test
 * (naive loops, closed forms) and the optimizer updates against Descent's host optimizers, with
 * the fp32 tolerance stated per operation. A backend's test bundle extends it with its device.
 */
package org.descent.compute.testing;
