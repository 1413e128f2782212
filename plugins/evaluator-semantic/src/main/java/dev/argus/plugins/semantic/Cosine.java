package dev.argus.plugins.semantic;

/** Cosine similarity of two vectors, accumulated in double precision. */
final class Cosine {

    private Cosine() {
    }

    /** The cosine of the angle between {@code a} and {@code b}; 0 when either is the zero vector. */
    static double similarity(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0.0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
    }
}
