package jp.tachiiri.model;

import java.time.Instant;

/**
 * A photo or document attached to a finding. The bytes are kept once per content, named by their SHA-256;
 * this record is what the inspection refers to.
 */
public record Evidence(
        String id,
        String inspectionId,
        int revision,
        String itemId,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant addedAt) {

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
