package dev.argus.core.ingest;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, the version, 12 random
 * bits, the variant and 62 random bits. Ids of calls sort roughly by when the call started, which
 * keeps index inserts at the right edge of the B-tree.
 */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {
    }

    /** A new version-7 UUID for the given instant. */
    public static UUID at(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("UUIDv7 timestamps cover 1970 to 10889: " + instant);
        }
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** A new version-7 UUID for now. */
    public static UUID now() {
        return at(Instant.now());
    }

    /** The millisecond timestamp of a version-7 UUID. */
    public static Instant timestamp(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version-7 UUID: " + uuid);
        }
        return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
    }
}
