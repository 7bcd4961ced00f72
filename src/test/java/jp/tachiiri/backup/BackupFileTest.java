package jp.tachiiri.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.tachiiri.crypto.PassphraseKey;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.FileFaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup file as bytes on a disk: written and read back whole, and every way a file goes wrong told apart (a wrong
 * passphrase, a file cut short, a changed header, a changed content, no backup at all), with the target data folder
 * byte for byte as it was and nothing left beside it. A cheap Argon2id cost keeps this fast; the app's own cost is
 * tried in {@code BackupRestoreTest} and the command-line test.
 */
class BackupFileTest {

    private static final PassphraseKey.Cost CHEAP = new PassphraseKey.Cost(64, 1, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final char[] PASSPHRASE = "さくら県 医務課 2026 春".toCharArray();
    /** magic 8, version 2, KDF 1, memory 4, passes 4, lanes 1, salt 1 + 16, check 1 + 16, SHA-256 32 */
    private static final int HEADER_BYTES = 86;

    @TempDir
    Path scratch;

    private Path source;
    private Path backup;
    private Path target;
    private Map<String, String> targetBefore;
    private List<String> siblingsBefore;

    @BeforeEach
    void aBackupAndATargetHoldingData() throws IOException {
        source = Files.createDirectories(scratch.resolve("source"));
        Files.write(source.resolve("tachiiri.db"), randomBytes(3 * 1024 * 1024 + 5, 1));
        Files.createDirectories(source.resolve("evidence/ab"));
        Files.write(source.resolve("evidence/ab/abcdef"), randomBytes(70_000, 2));
        Files.write(source.resolve("evidence/ab/empty"), new byte[0]);
        backup = new BackupService(folderSource(source), CLOCK, CHEAP).create(scratch.resolve("usb"), PASSPHRASE);

        target = Files.createDirectories(scratch.resolve("places/data"));
        Files.writeString(target.resolve("tachiiri.db"), "what was there before");
        targetBefore = FileFaults.contents(target);
        siblingsBefore = listing(target.getParent());
    }

    @Test
    void theFilesComeBackByteForByteAndTheFileIsNamedAfterRoleAndTime() throws IOException {
        assertThat(backup.getFileName().toString()).isEqualTo("tachiiri-office-20260601-100000.tachiiri-backup");
        Path fresh = scratch.resolve("places/fresh");

        RestoreService.Restored restored = restorer().restore(backup, PASSPHRASE, fresh, false);

        assertThat(FileFaults.contents(fresh)).isEqualTo(FileFaults.contents(source));
        assertThat(restored.keptAside()).isEmpty();
        assertThat(restored.manifest().files()).extracting(BackupManifest.Entry::path)
                .containsExactly("tachiiri.db", "evidence/ab/abcdef", "evidence/ab/empty");
        assertThat(restored.manifest().deviceId()).isEqualTo("device-1");
        assertThat(Files.readAllBytes(backup)).as("nothing of the content in the clear")
                .satisfies(bytes -> assertThat(indexOf(bytes, Arrays.copyOfRange(Files.readAllBytes(source.resolve("evidence/ab/abcdef")), 100, 132))).isNegative())
                .satisfies(bytes -> assertThat(indexOf(bytes, "evidence/ab".getBytes())).isNegative());
    }

    @Test
    void aTargetHoldingDataIsReplacedOnlyWhenAskedAndThenKeptAside() throws IOException {
        BackupException refused = catchThrowableOfType(BackupException.class, () -> restorer().restore(backup, PASSPHRASE, target, false));
        assertThat(refused.key()).isEqualTo("backup.error.targetExists");
        assertUntouched();

        RestoreService.Restored restored = restorer().restore(backup, PASSPHRASE, target, true);

        assertThat(FileFaults.contents(target)).isEqualTo(FileFaults.contents(source));
        assertThat(restored.keptAside()).hasValueSatisfying(aside -> {
            assertThat(aside.getFileName().toString()).isEqualTo("data.before-restore-20260601-100000");
            assertThat(contents(aside)).isEqualTo(targetBefore);
        });
    }

    @Test
    void aWrongPassphraseIsToldAsSuch() {
        assertRefused(backup, "backup.error.wrongPassphrase", "パスフレーズが違います", "the passphrase is wrong",
                "さくら県 医務課 2026 夏".toCharArray());
    }

    @Test
    void aFileCutShortIsToldAsSuchWhereverItIsCut() throws IOException {
        long size = Files.size(backup);
        for (long length : new long[] {size - 1, size - 16, size / 2, HEADER_BYTES + 20, HEADER_BYTES, 40}) {
            Path cut = copy("cut-" + length);
            try (RandomAccessFile raw = new RandomAccessFile(cut.toFile(), "rw")) {
                raw.setLength(length);
            }
            assertRefused(cut, "backup.error.truncated", "途中で切れています", "cut short", PASSPHRASE);
        }
    }

    @Test
    void aChangedHeaderByteIsToldApartFromAWrongPassphrase() throws IOException {
        // the version, the memory, the passes, a salt byte, a check-value byte, the header's SHA-256
        for (int at : new int[] {9, 12, 16, 25, 40, 70}) {
            Path changed = flipped(at);
            assertRefused(changed, "backup.error.headerChanged", "先頭部分（ヘッダー）が変更", "header", PASSPHRASE);
        }
        assertRefused(flipped(0), "backup.error.notBackup", "バックアップファイルではありません", "not a Tachiiri backup", PASSPHRASE);
    }

    @Test
    void aChangedContentByteIsToldApartFromACutAndAWrongPassphrase() throws IOException {
        long size = Files.size(backup);
        for (long at : new long[] {HEADER_BYTES, HEADER_BYTES + 100, size / 2, size - 17}) {
            assertRefused(flipped(at), "backup.error.changed", "中身が変更されているか壊れています", "content", PASSPHRASE);
        }
    }

    /** A header rewritten with its own SHA-256 recomputed still fails: it is the encryption's associated data. */
    @Test
    void aHeaderRewrittenWithItsHashRecomputedOpensNothing() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        byte[] header = Arrays.copyOf(bytes, HEADER_BYTES);
        header[19] = 2; // two lanes instead of one: the same key is derived no more
        System.arraycopy(BackupHeader.sha256(Arrays.copyOf(header, HEADER_BYTES - 32)), 0, header, HEADER_BYTES - 32, 32);
        System.arraycopy(header, 0, bytes, 0, HEADER_BYTES);
        Path rewritten = Files.write(scratch.resolve("rewritten.tachiiri-backup"), bytes);
        assertRefused(rewritten, "backup.error.wrongPassphrase", "パスフレーズが違います", "passphrase", PASSPHRASE);

        header[11] = 0x7f; // about 2 TiB of memory: refused before anything is derived
        System.arraycopy(BackupHeader.sha256(Arrays.copyOf(header, HEADER_BYTES - 32)), 0, header, HEADER_BYTES - 32, 32);
        System.arraycopy(header, 0, bytes, 0, HEADER_BYTES);
        Files.write(rewritten, bytes);
        assertRefused(rewritten, "backup.error.cost", "鍵導出の設定", "key derivation", PASSPHRASE);
    }

    @Test
    void aShortOrMistypedPassphraseIsRefusedBeforeAnythingIsWritten() {
        BackupService service = new BackupService(folderSource(source), CLOCK, CHEAP);
        Path usb = scratch.resolve("usb2");
        BackupException tooShort = catchThrowableOfType(BackupException.class, () -> service.create(usb, "みじかい".toCharArray()));
        assertThat(tooShort.key()).isEqualTo("backup.error.passphraseShort");
        assertThat(tooShort.localizedMessage(Language.EN)).contains("at least 12 characters");
        BackupException mistyped = catchThrowableOfType(BackupException.class,
                () -> BackupService.requireAcceptable(PASSPHRASE, "さくら県 医務課 2026 春 ".toCharArray()));
        assertThat(mistyped.key()).isEqualTo("backup.error.passphraseMismatch");
        assertThat(usb).doesNotExist();
    }

    private void assertRefused(Path file, String key, String japanese, String english, char[] passphrase) {
        BackupException refused = catchThrowableOfType(BackupException.class, () -> restorer().restore(file, passphrase, target, true));
        assertThat(refused).as("%s", file.getFileName()).isNotNull();
        assertThat(refused.key()).as("%s", file.getFileName()).isEqualTo(key);
        assertThat(refused.localizedMessage(Language.JA)).contains(file.toString(), japanese);
        assertThat(refused.localizedMessage(Language.EN).toLowerCase(java.util.Locale.ROOT)).contains(english.toLowerCase(java.util.Locale.ROOT));
        assertThat(Messages.of(Language.JA).describe(refused)).contains("データフォルダーには何も書き込んでいません");
        BackupException verified = catchThrowableOfType(BackupException.class, () -> restorer().verify(file, passphrase));
        assertThat(verified.key()).isEqualTo(key);
        assertUntouched();
    }

    private void assertUntouched() {
        assertThat(contents(target)).isEqualTo(targetBefore);
        assertThat(listing(target.getParent())).as("nothing left beside the target").isEqualTo(siblingsBefore);
    }

    private RestoreService restorer() {
        return new RestoreService(folder -> List.of(), "tachiiri.db", CLOCK);
    }

    private Path flipped(long at) throws IOException {
        Path changed = copy("changed-" + at);
        try (RandomAccessFile raw = new RandomAccessFile(changed.toFile(), "rw")) {
            raw.seek(at);
            int b = raw.read();
            raw.seek(at);
            raw.write(b ^ 0x01);
        }
        return changed;
    }

    private Path copy(String name) throws IOException {
        return Files.copy(backup, scratch.resolve(name + BackupService.EXTENSION));
    }

    /** A data folder as files, its "database" copied as it is: the format does not care what it holds. */
    private static BackupSource folderSource(Path folder) {
        return new BackupSource() {
            @Override
            public Origin origin() {
                return new Origin("device-1", "office", "test", 8);
            }

            @Override
            public Path dataFolder() {
                return folder;
            }

            @Override
            public String databaseFileName() {
                return "tachiiri.db";
            }

            @Override
            public void snapshotDatabase(Path snapshot) {
                try {
                    Files.copy(folder.resolve("tachiiri.db"), snapshot);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public List<Path> evidenceFiles() {
                return List.of(Path.of("evidence/ab/abcdef"), Path.of("evidence/ab/empty"));
            }

            @Override
            public Path stagingFolder() {
                return folder.resolve("backup-staging");
            }
        };
    }

    private static Map<String, String> contents(Path folder) {
        try {
            return FileFaults.contents(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> listing(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
