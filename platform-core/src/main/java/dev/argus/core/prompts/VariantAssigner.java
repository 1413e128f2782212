package dev.argus.core.prompts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * Sticky assignment of users to variants: SHA-256 of (experiment id, user) mapped to a point in
 * [0, 1), then to the variant whose cumulative weight share covers it. The same user always gets the
 * same variant of the same experiment on every node, and different experiments split independently.
 */
public final class VariantAssigner {

    private VariantAssigner() {
    }

    /** The index of the variant {@code user} is assigned to. */
    public static int assign(UUID experimentId, String user, List<Experiment.Variant> variants) {
        long total = 0;
        for (Experiment.Variant v : variants) {
            total += v.weight();
        }
        double point = unitInterval(experimentId, user) * total;
        long cumulative = 0;
        for (int i = 0; i < variants.size(); i++) {
            cumulative += variants.get(i).weight();
            if (point < cumulative) {
                return i;
            }
        }
        return variants.size() - 1;
    }

    /** A uniform number in [0, 1) from the hash's first 53 bits. */
    static double unitInterval(UUID experimentId, String user) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(experimentId.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(sha.digest()).getLong();
            return (bits >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
