/**
 * The OpenCL compute backend: the system's OpenCL platforms and devices (through JOCL), the
 * kernels of {@code kernels/*.cl} compiled per device and precision at first use (binaries cached
 * under {@code ~/.descent/cache/opencl/}), buffers that live on the device, and the operations as
 * kernel launches.
 */
@NonNullByDefault
package org.descent.compute.opencl.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
