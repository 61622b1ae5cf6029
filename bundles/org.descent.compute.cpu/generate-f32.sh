#!/bin/sh
# Regenerates F32Ops.java from F64Ops.java: double arrays and arithmetic become float; the API's
# scalar parameters and the accumulators marked /*acc*/ stay double; the bit patterns marked /*bits*/
# (long) become int. Run after editing F64Ops.java.
set -e
cd "$(dirname "$0")/src/org/descent/compute/cpu/internal"
sed -e 's|/\*acc\*/double|ACCUMULATOR|g' \
    -e 's/F64Ops/F32Ops/g; s/FP64/FP32/g; s/fp64/fp32/g; s/dgemm/sgemm/g' \
    -e 's/\bdouble\b/float/g; s/Double\./Float./g; s/DoubleBuffer/FloatBuffer/g; s/\.d()/.f()/g' \
    -e 's/float \(alpha\|beta\|value\|eps\|momentum\|rate\|smoothing\|learningRate\|scalar\|lr\)\b/double \1/g' \
    -e 's/ACCUMULATOR/double/g' \
    -e 's|/\*bits\*/long|int|g; s/doubleToRawLongBits/floatToRawIntBits/g; s/longBitsToDouble/intBitsToFloat/g' \
    -e '/^\/\*\*$/,/^ \*\/$/c\
/**\
 * The cpu backend'"'"'s operations in fp32: generated from F64Ops.java by generate-f32.sh, do not edit.\
 */' \
    F64Ops.java > F32Ops.java
