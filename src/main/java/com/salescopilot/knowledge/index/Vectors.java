package com.salescopilot.knowledge.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Unit-length vectors and their compact form in PostgreSQL (little-endian float32 in a bytea). */
public final class Vectors {

    private Vectors() {
    }

    public static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float[] out = vector.clone();
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        return out;
    }

    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** Dot product with four accumulators (lets the CPU overlap the additions). */
    public static float dot(float[] a, int aOffset, float[] b, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[aOffset + i] * b[i];
            s1 += a[aOffset + i + 1] * b[i + 1];
            s2 += a[aOffset + i + 2] * b[i + 2];
            s3 += a[aOffset + i + 3] * b[i + 3];
        }
        for (; i < length; i++) {
            s0 += a[aOffset + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
