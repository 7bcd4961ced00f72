package jp.tachiiri.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.crypto.ContentCipher;

/**
 * Reads a bundle in two steps, as a stream; a sealed one as the stream of its decrypted content, which is
 * authenticated segment by segment as it is read. {@link #open} reads everything but the attachments and checks it:
 * well-formed UTF-8 and JSON within the size limits, the format and its version, the schema, the one spelling
 * of the file ({@link BundleLayout}), the signature and the payload's own rules. Only then, and only if the
 * caller still wants it (the sender may be unknown), {@link #readAttachments} decodes the attachments chunk by
 * chunk into files, checking each chunk's spelling and its bytes against the signed manifest. Nothing of a
 * bundle is ever held in memory twice.
 */
public final class BundleReader implements AutoCloseable {

    private final Path file;
    private final JsonParser parser;
    private final SpellingCheck spelling;
    private final BundleHeader header;
    private final JsonNode payload;
    private final List<BundleRecords.ManifestEntry> manifest;

    private BundleReader(Path file, JsonParser parser, SpellingCheck spelling, BundleHeader header, JsonNode payload,
                         List<BundleRecords.ManifestEntry> manifest) {
        this.file = file;
        this.parser = parser;
        this.spelling = spelling;
        this.header = header;
        this.payload = payload;
        this.manifest = manifest;
    }

    /**
     * Opens and checks everything up to the attachments; throws a {@link BundleException} for anything wrong. A sealed
     * bundle is opened with {@code self}'s sealing key (the receiving installation; with {@code null}, only signed-only
     * files open): one sealed to others only is refused naming them.
     */
    public static BundleReader open(Path file, DeviceIdentity self) {
        if (!SealedEnvelope.isSealed(file)) {
            return read(file, Source.signedOnly(file), false);
        }
        SealedEnvelope envelope = SealedEnvelope.read(file);
        if (self == null) {
            throw new BundleException(file, "bundle.error.notForUs", String.join(", ", envelope.recipientFingerprints()), "-");
        }
        return read(file, Source.sealed(file, envelope, envelope.contentKey(self, file)), false);
    }

    /** The envelope of a sealed bundle, checked; empty for a signed-only file. */
    public static Optional<SealedEnvelope> envelope(Path file) {
        return SealedEnvelope.isSealed(file) ? Optional.of(SealedEnvelope.read(file)) : Optional.empty();
    }

    /** The writer's reading back of a bundle it sealed, with the content key it made. */
    static BundleReader openWithContentKey(Path file, byte[] contentKey) {
        return read(file, Source.sealed(file, SealedEnvelope.read(file), contentKey), false);
    }

    /** A signed bundle of 3.0 as a sealed one holds it, not sealed: for tests of the checks inside. */
    static BundleReader openUnsealed(Path file) {
        return read(file, Source.signedOnly(file), true);
    }

    /** Where the signed bundle's bytes come from: the file itself, or the decryption of a sealed file's content. */
    private record Source(Path file, SealedEnvelope envelope, byte[] contentKey) {

        static Source signedOnly(Path file) {
            return new Source(file, null, null);
        }

        static Source sealed(Path file, SealedEnvelope envelope, byte[] contentKey) {
            return new Source(file, envelope, contentKey);
        }

        /** A stream of the signed bundle from its first byte. */
        InputStream stream() throws IOException {
            InputStream in = Files.newInputStream(file);
            if (envelope == null) {
                return in;
            }
            try {
                in.skipNBytes(envelope.line().length);
                return ContentCipher.decrypting(contentKey, new BufferedInputStream(in, 1 << 16), envelope.line());
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
    }

    private static BundleReader read(Path file, Source source, boolean unsealedAllowed) {
        JsonParser parser = null;
        SpellingCheck spelling = null;
        InputStream in = null;
        try {
            Replay replay = new Replay(source.stream());
            in = new StrictUtf8(replay.recording());
            // Creating the parser reads the first buffer already, to detect the encoding: it may fail on bad UTF-8.
            parser = BundleJson.MAPPER.getFactory().createParser(in);
            ObjectNode root = BundleJson.MAPPER.createObjectNode();
            boolean attachmentsFollow = readSignedPart(parser, root, file);
            checkFormat(root, file);
            if (attachmentsFollow) {
                root.putArray(BundleLayout.ATTACHMENTS);
            }
            BundleSchema.get().validateDocument(root, file);
            root.remove(BundleLayout.ATTACHMENTS);
            String signature = root.remove(BundleLayout.SIGNATURE).textValue();
            byte[] signedText = signedText(root, file);
            // The file must begin with exactly the bytes the signature covers, spelt the one way the format allows.
            spelling = new SpellingCheck(file, replay.replay());
            spelling.expect(BundleLayout.head(signedText, signature));
            verifySignature(signedText, root.get("device").get("publicKey").textValue(), signature, file);
            List<BundleRecords.ManifestEntry> manifest = List.of(BundleJson.MAPPER.treeToValue(root.get("manifest"),
                    BundleRecords.ManifestEntry[].class));
            JsonNode device = root.get("device");
            BundleHeader header = new BundleHeader(root.get("bundleId").textValue(),
                    BundleKind.fromWire(root.get("kind").textValue()), createdAt(root, file),
                    device.get("id").textValue(), device.get("publicKey").textValue(),
                    device.has("sealingKey") ? device.get("sealingKey").textValue() : null, source.envelope() != null);
            String version = root.get("formatVersion").textValue();
            SealingRules.check(version, header, root.get("recipients"), source.envelope(), unsealedAllowed, file);
            PayloadRules.check(version, header.kind(), root.get("payload"), manifest, file);
            return new BundleReader(file, parser, spelling, header, root.get("payload"), manifest);
        } catch (IOException e) {
            // The message first: closing the parser moves its position to the end of what it buffered.
            BundleException problem = problem(e, file, parser);
            closeQuietly(parser, spelling);
            closeQuietly(parser == null ? in : null);
            throw problem;
        } catch (RuntimeException e) {
            closeQuietly(parser, spelling);
            closeQuietly(parser == null ? in : null);
            throw e;
        }
    }

    /** The file's stream, when no parser was made to close it. */
    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // Nothing more to read from it.
        }
    }

    public Path file() {
        return file;
    }

    public BundleHeader header() {
        return header;
    }

    public List<BundleRecords.ManifestEntry> manifest() {
        return manifest;
    }

    /** The payload as the records of its kind, e.g. {@link BundleRecords.FindingsPayload}. */
    public <T> T payload(Class<T> type) {
        try {
            return BundleJson.MAPPER.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new BundleException(e, file, "bundle.error.schema", "/payload", e.getOriginalMessage());
        }
    }

    /**
     * Decodes every attachment into {@code folder} (created if needed), as one file per manifest entry, and
     * returns them by attachment id; with a null folder the attachments are only checked. Every chunk must
     * match the schema, follow its predecessor, and decode to exactly the bytes the manifest signed.
     */
    public Map<String, Path> readAttachments(Path folder) {
        Map<String, BundleRecords.ManifestEntry> expected = new LinkedHashMap<>();
        manifest.forEach(entry -> expected.put(entry.id(), entry));
        Map<String, Path> staged = new LinkedHashMap<>();
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
            new ChunkStream(folder, expected, staged).read();
            for (BundleRecords.ManifestEntry entry : expected.values()) {
                if (staged.containsKey(entry.id())) {
                    continue;
                }
                if (entry.size() != 0 || !entry.sha256().equals(Sha256.hex(new byte[0]))) {
                    throw new BundleException(file, "bundle.error.attachmentMissing", entry.id());
                }
                staged.put(entry.id(), folder == null ? null : Files.createFile(folder.resolve("attachment-" + staged.size())));
            }
            return staged;
        } catch (IOException e) {
            throw problem(e, file, parser);
        }
    }

    @Override
    public void close() {
        closeQuietly(parser, spelling);
    }

    /** Reads the root object's members up to "attachments" into {@code root}; true if attachments follow. */
    private static boolean readSignedPart(JsonParser parser, ObjectNode root, Path file) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new BundleException(file, "bundle.error.empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new BundleException(file, "bundle.error.notBundle");
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (BundleLayout.ATTACHMENTS.equals(name)) {
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw new BundleException(file, "bundle.error.schema", "/attachments", new BundleException(file, "bundle.schema.type"));
                }
                return true;
            }
            if (root.has(name)) {
                throw new BundleException(file, "bundle.error.duplicate", name, "/" + name);
            }
            root.set(name, BundleJson.MAPPER.readTree(parser));
        }
        expectEnd(parser, file);
        return false;
    }

    private static void expectEnd(JsonParser parser, Path file) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw new BundleException(file, "bundle.error.trailing", offset(parser.currentLocation()));
        }
    }

    /** The schema knows the creation time only as a pattern: 2025-02-30 fits it but is no date. */
    private static Instant createdAt(ObjectNode root, Path file) {
        String value = root.get("createdAt").textValue();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BundleException(file, "bundle.error.date", value, "/createdAt");
        }
    }

    /**
     * The format name and version are checked before the schema, so that each gets its own plain message: a file
     * of a newer format asks for an update, one of an older format names the version that made it.
     */
    private static void checkFormat(ObjectNode root, Path file) {
        JsonNode format = root.get("format");
        if (format == null || !BundleWriter.FORMAT.equals(format.asText())) {
            throw new BundleException(file, "bundle.error.notBundle");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isTextual() || !version.textValue().matches("[0-9]{1,4}\\.[0-9]{1,4}")
                || BundleWriter.READABLE_VERSIONS.contains(version.textValue())) {
            return; // the schema names anything else that is wrong with it
        }
        int comparison = compareVersions(version.textValue(), BundleWriter.FORMAT_VERSION);
        throw new BundleException(file, comparison > 0 ? "bundle.error.newerVersion" : "bundle.error.olderVersion",
                version.textValue(), BundleWriter.FORMAT_VERSION);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    /** The canonical text of the signed members; a value without one spelling is named by its place. */
    private static byte[] signedText(ObjectNode signedMembers, Path file) {
        try {
            return BundleLayout.signedText(signedMembers);
        } catch (CanonicalJson.NotCanonical e) {
            throw new BundleException(file, "bundle.error.notCanonical", e.pointer());
        }
    }

    private static void verifySignature(byte[] signedText, String publicKeyHex, String signature, Path file) {
        PublicKey key;
        try {
            key = DeviceKeys.publicKey(publicKeyHex);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, "bundle.error.badKey");
        }
        if (!DeviceKeys.verify(key, signedText, signature)) {
            throw new BundleException(file, "bundle.error.badSignature");
        }
    }

    /** Turns a low-level reading failure into a message that says what is wrong and where. */
    private static BundleException problem(IOException e, Path file, JsonParser parser) {
        if (e instanceof ContentCipher.Broken) {
            return new BundleException(e, file, "bundle.error.sealBroken");
        }
        if (e instanceof StrictUtf8.Invalid invalid) {
            return new BundleException(e, file, "bundle.error.invalidUtf8", invalid.offset());
        }
        if (parser == null) {
            return new BundleException(e, file, "bundle.error.read", e.getMessage());
        }
        // Cut off anywhere: the parser (or the tree reader above it) ran into the end of the file.
        if (e instanceof JsonEOFException || e instanceof JsonProcessingException json
                && offset(json.getLocation() != null ? json.getLocation() : parser.currentLocation()) >= size(file)) {
            return new BundleException(e, file, "bundle.error.truncated", offset(parser.currentLocation()));
        }
        if (e instanceof StreamConstraintsException) {
            return new BundleException(e, file, "bundle.error.limits", offset(parser.currentLocation()),
                    BundleJson.MAX_NESTING_DEPTH, BundleJson.MAX_STRING_LENGTH, BundleJson.MAX_NUMBER_LENGTH);
        }
        if (e instanceof JsonProcessingException json) {
            JsonLocation where = json.getLocation() != null ? json.getLocation() : parser.currentLocation();
            return new BundleException(e, file, "bundle.error.notJson", offset(where), json.getOriginalMessage());
        }
        return new BundleException(e, file, "bundle.error.read", e.getMessage());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long offset(JsonLocation location) {
        return Math.max(location.getByteOffset(), location.getCharOffset());
    }

    private static void closeQuietly(JsonParser parser, SpellingCheck spelling) {
        try {
            if (parser != null) {
                parser.close();
            }
            if (spelling != null) {
                spelling.close();
            }
        } catch (IOException ignored) {
            // Nothing more to read from them.
        }
    }

    /** The streaming decoder of the attachments array. */
    private final class ChunkStream {

        private final Path folder;
        private final Map<String, BundleRecords.ManifestEntry> expected;
        private final Map<String, Path> staged;
        private BundleRecords.ManifestEntry current;
        private OutputStream sink;
        private MessageDigest digest;
        private long size;
        private int nextIndex;
        private boolean lastChunkSeen;

        ChunkStream(Path folder, Map<String, BundleRecords.ManifestEntry> expected, Map<String, Path> staged) {
            this.folder = folder;
            this.expected = expected;
            this.staged = staged;
        }

        void read() throws IOException {
            try {
                int position = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), position++) {
                    if (token != JsonToken.START_OBJECT) {
                        throw new BundleException(file, "bundle.error.schema", "/attachments/" + position,
                                new BundleException(file, "bundle.schema.type"));
                    }
                    JsonNode chunk = BundleJson.MAPPER.readTree(parser);
                    BundleSchema.get().validateChunk(chunk, position, file);
                    if (position > 0) {
                        spelling.expect(BundleLayout.CHUNK_SEPARATOR);
                    }
                    spelling.expect(BundleLayout.chunk(chunk.get("id").textValue(), chunk.get("index").intValue(),
                            chunk.get("data").textValue()));
                    accept(chunk, position);
                }
                finish();
                parser.nextToken();
                expectEnd(parser, file);
                spelling.expect(BundleLayout.END);
                spelling.expectEnd();
            } finally {
                if (sink != null) {
                    sink.close();
                }
            }
        }

        private void accept(JsonNode chunk, int position) throws IOException {
            String id = chunk.get("id").textValue();
            int index = chunk.get("index").intValue();
            String where = "/attachments/" + position;
            if (current == null || !current.id().equals(id)) {
                finish();
                current = expected.get(id);
                if (current == null || staged.containsKey(id)) {
                    throw new BundleException(file, current == null ? "bundle.error.attachmentUnknown" : "bundle.error.attachmentRepeated",
                            id, where);
                }
                start(id);
            } else if (lastChunkSeen) {
                throw new BundleException(file, "bundle.error.chunkOrder", id, where);
            }
            if (index != nextIndex) {
                throw new BundleException(file, "bundle.error.chunkOrder", id, where);
            }
            String data = chunk.get("data").textValue();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new BundleException(file, "bundle.error.base64", id, where);
            }
            // One spelling only: padding bits that decode alike would let a changed file pass unnoticed.
            if (!Base64.getEncoder().encodeToString(bytes).equals(data)) {
                throw new BundleException(file, "bundle.error.base64", id, where);
            }
            lastChunkSeen = bytes.length < BundleWriter.CHUNK_BYTES;
            size += bytes.length;
            if (size > current.size()) {
                throw new BundleException(file, "bundle.error.attachmentSize", id, current.size());
            }
            digest.update(bytes);
            if (sink != null) {
                sink.write(bytes);
            }
            nextIndex++;
        }

        private void start(String id) throws IOException {
            digest = Sha256.digest();
            size = 0;
            nextIndex = 0;
            lastChunkSeen = false;
            Path target = null;
            if (folder != null) {
                target = folder.resolve("attachment-" + staged.size());
                sink = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
            }
            staged.put(id, target);
        }

        private void finish() throws IOException {
            if (current == null) {
                return;
            }
            if (sink != null) {
                sink.close();
                sink = null;
            }
            if (size != current.size()) {
                throw new BundleException(file, "bundle.error.attachmentSize", current.id(), current.size());
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(current.sha256())) {
                throw new BundleException(file, "bundle.error.attachmentHash", current.id());
            }
            current = null;
        }
    }
}
