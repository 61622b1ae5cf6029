package org.descent.compute.opencl.internal;

import org.jocl.Sizeof;

/** What a device buffer holds: the kernels' {@code real} in fp32 or fp64, or 32-bit ints. */
public enum Element {
    FLOAT(Sizeof.cl_float, "float"),
    DOUBLE(Sizeof.cl_double, "double"),
    INT(Sizeof.cl_int, "int");

    private final int bytes;
    private final String type;

    Element(int bytes, String type) {
        this.bytes = bytes;
        this.type = type;
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    /** The OpenCL C type. */
    public String type() {
        return type;
    }
}
