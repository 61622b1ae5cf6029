package org.descent.compute.opencl.internal;

import static org.jocl.CL.clReleaseMemObject;

import org.jocl.cl_mem;

/**
 * A buffer in a device's global memory: {@code count} values of one {@link Element} type. Copies
 * to and from the host go through {@link ClDevice#write} and {@link ClDevice#read}; the kernels
 * read and write it in place. Closing releases the memory (once; the device keeps it until the
 * commands that use it have run).
 */
public final class ClBuffer implements AutoCloseable {

    private final ClDevice device;
    private final cl_mem memory;
    private final long count;
    private final Element element;
    private boolean released;

    ClBuffer(ClDevice device, cl_mem memory, long count, Element element) {
        this.device = device;
        this.memory = memory;
        this.count = count;
        this.element = element;
    }

    public ClDevice device() {
        return device;
    }

    cl_mem memory() {
        if (released) {
            throw new IllegalStateException("a released buffer of " + count + " " + element.type() + " on "
                    + device.info().id() + " was used");
        }
        return memory;
    }

    /** Values held. */
    public long count() {
        return count;
    }

    public Element element() {
        return element;
    }

    /** Bytes held. */
    public long bytes() {
        return count * element.bytes();
    }

    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            clReleaseMemObject(memory);
        }
    }
}
