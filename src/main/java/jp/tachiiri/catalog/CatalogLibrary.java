package jp.tachiiri.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.FiscalYear;

/**
 * The catalog versions this installation knows. Several versions coexist because every inspection keeps
 * the version it was made with; a new inspection takes the catalog of its date's fiscal year.
 */
public final class CatalogLibrary {

    private static final String INDEX = "catalog/index.json";

    private final Map<String, Catalog> byVersion = new LinkedHashMap<>();
    /** Each catalog's JSON document as it was read, to pass it on to tablets unchanged. */
    private final Map<String, String> documents = new LinkedHashMap<>();

    private CatalogLibrary() {
    }

    /** The catalogs shipped with the application, as listed in {@code catalog/index.json}. */
    public static CatalogLibrary bundled() {
        CatalogLibrary library = new CatalogLibrary();
        for (String name : bundledFileNames()) {
            String resource = "catalog/" + name;
            String document;
            try (InputStream in = open(resource)) {
                document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CatalogException(e, resource, "$", "catalog.problem.unreadable", e.getMessage());
            }
            Catalog catalog = new CatalogLoader().load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), resource);
            if (!library.add(catalog, document)) {
                throw new CatalogException(INDEX, "$.catalogs", "catalog.problem.duplicateVersion", catalog.version());
            }
        }
        return library;
    }

    /**
     * Adds a catalog received from the office (already checked by {@link CatalogLoader}); false, changing
     * nothing, when the library has that version already: a published version never changes.
     */
    public synchronized boolean add(Catalog catalog, String document) {
        if (byVersion.containsKey(catalog.version())) {
            return false;
        }
        byVersion.put(catalog.version(), catalog);
        documents.put(catalog.version(), document);
        List<Catalog> sorted = new ArrayList<>(byVersion.values());
        sorted.sort(Comparator.comparing(Catalog::version, CatalogLibrary::compareVersions));
        byVersion.clear();
        sorted.forEach(each -> byVersion.put(each.version(), each));
        return true;
    }

    /** The JSON document of a catalog version, as published. */
    public synchronized Optional<String> document(String version) {
        return Optional.ofNullable(documents.get(version));
    }

    public synchronized List<Catalog> all() {
        return List.copyOf(byVersion.values());
    }

    public synchronized Optional<Catalog> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /**
     * The catalog for inspections of a fiscal year: the newest whose fiscal year is not after it (an inspection of
     * FY2025 recorded after 2026.1 shipped still follows 2025.1), or the oldest for a year before every catalog.
     */
    public synchronized Catalog forFiscalYear(FiscalYear year) {
        Catalog chosen = byVersion.values().iterator().next();
        for (Catalog catalog : byVersion.values()) {
            if (catalog.fiscalYear() <= year.year()) {
                chosen = catalog;
            }
        }
        return chosen;
    }

    public synchronized Catalog latest() {
        return byVersion.values().stream().reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no catalog is bundled"));
    }

    private static List<String> bundledFileNames() {
        try (InputStream in = open(INDEX)) {
            JsonNode files = new ObjectMapper().readTree(in).path("catalogs");
            return StreamSupport.stream(files.spliterator(), false).map(JsonNode::asText).toList();
        } catch (IOException e) {
            throw new CatalogException(e, INDEX, "$", "catalog.problem.unreadable", e.getMessage());
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = CatalogLibrary.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }

    /** Orders "2025.1" before "2025.2" before "2026.1" (numerically, so "2025.10" follows "2025.9"). */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        int byYear = Integer.compare(Integer.parseInt(left[0]), Integer.parseInt(right[0]));
        return byYear != 0 ? byYear : Integer.compare(Integer.parseInt(left[1]), Integer.parseInt(right[1]));
    }
}
