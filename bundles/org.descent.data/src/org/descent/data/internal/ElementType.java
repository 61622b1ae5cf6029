package org.descent.data.internal;

import java.nio.ByteBuffer;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The element types of binary array files (NumPy's .npy, the IDX files of MNIST): size in bytes
 * and how one element becomes a double. The byte order is the buffer's.
 */
enum ElementType {
    FLOAT64("f8", 8, true), FLOAT32("f4", 4, true), FLOAT16("f2", 2, true), INT64("i8", 8, false),
    INT32("i4", 4, false), INT16("i2", 2, false), INT8("i1", 1, false), UINT32("u4", 4, false),
    UINT16("u2", 2, false), UINT8("u1", 1, false), BOOL("b1", 1, false);

    /** NumPy's kind and size, as in a dtype string without its byte order ({@code f8}). */
    final String code;
    final int size;
    final boolean floating;

    ElementType(String code, int size, boolean floating) {
        this.code = code;
        this.size = size;
        this.floating = floating;
    }

    /** The element at {@code offset}, which must lie within the buffer. */
    double read(ByteBuffer b, int offset) {
        return switch (this) {
        case FLOAT64 -> b.getDouble(offset);
        case FLOAT32 -> b.getFloat(offset);
        case FLOAT16 -> Float.float16ToFloat(b.getShort(offset));
        case INT64 -> b.getLong(offset);
        case INT32 -> b.getInt(offset);
        case INT16 -> b.getShort(offset);
        case INT8 -> b.get(offset);
        case UINT32 -> Integer.toUnsignedLong(b.getInt(offset));
        case UINT16 -> Short.toUnsignedInt(b.getShort(offset));
        case UINT8 -> Byte.toUnsignedInt(b.get(offset));
        case BOOL -> b.get(offset) != 0 ? 1 : 0;
        };
    }

    /** The type of a NumPy kind and size ({@code f8}, {@code u1}), or null. */
    static @Nullable ElementType ofNumpy(String code) {
        for (ElementType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
