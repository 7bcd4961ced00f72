package jp.tachiiri.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import jp.tachiiri.model.Catalog;

/**
 * The catalog versions this installation knows. Several versions coexist because every inspection keeps
 * the version it was made with; new inspections use the latest.
 */
public final class CatalogLibrary {

    private static final String INDEX = "catalog/index.json";

    private final Map<String, Catalog> byVersion = new LinkedHashMap<>();

    private CatalogLibrary(List<Catalog> catalogs) {
        catalogs.stream()
                .sorted(Comparator.comparing(Catalog::version, CatalogLibrary::compareVersions))
                .forEach(catalog -> {
                    if (byVersion.putIfAbsent(catalog.version(), catalog) != null) {
                        throw new CatalogException(INDEX, "$.catalogs", "catalog.problem.duplicateVersion", catalog.version());
                    }
                });
    }

    /** The catalogs shipped with the application, as listed in {@code catalog/index.json}. */
    public static CatalogLibrary bundled() {
        CatalogLoader loader = new CatalogLoader();
        return new CatalogLibrary(bundledFileNames().stream()
                .map(name -> {
                    String resource = "catalog/" + name;
                    try (InputStream in = open(resource)) {
                        return loader.load(in, resource);
                    } catch (IOException e) {
                        throw new CatalogException(e, resource, "$", "catalog.problem.unreadable", e.getMessage());
                    }
                })
                .toList());
    }

    public List<Catalog> all() {
        return List.copyOf(byVersion.values());
    }

    public Optional<Catalog> version(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    public Catalog latest() {
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
