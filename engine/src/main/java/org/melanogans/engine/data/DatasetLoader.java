package org.melanogans.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.LesionClass;

/**
 * The data stage: turns a {@link DataConfig} into an {@link ImageSet} of square uint8 images.
 *
 * <p>ISIC 2017 joins the images folder with the ground-truth CSV ({@link IsicLabels}), keeps the
 * wanted classes, sorts by id and keeps the first {@code limit}. GENERATED first writes the
 * procedural data set ({@link LesionGenerator}) in the ISIC layout, then loads it the same way.
 * FOLDER takes every jpg/jpeg/png/bmp of a folder, sorted by name, without labels. Files that
 * cannot be joined (CSV ids without an image, images without a CSV row, non-image files in a
 * folder) are left out, listed in {@link ImageSet#skipped()} and summarised in one warning.
 *
 * <p>Each image is decoded ({@link ImageDecoder}), cropped and area-resized
 * ({@link ImageResampler}) on all cores, in input order. The result is cached under
 * {@code cacheRoot}, keyed by a sha256 over the cache format version, the name and content hash
 * of every used image, the CSV content, crop, resolution, class filter and limit.
 */
public final class DatasetLoader {
    /** File extensions (lower case) taken as images by the FOLDER and ISIC layouts. */
    public static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");
    private static final int SKIPPED_SHOWN = 5;

    private DatasetLoader() {
    }

    /** Loads (from cache when possible) the training images described by {@code data}. */
    public static ImageSet load(DataConfig data, Path cacheRoot, EngineLog log) {
        Selection selection = switch (data.format()) {
            case ISIC2017 -> selectIsic(data, data.path(), data.images(), data.labels());
            case GENERATED -> {
                Path dir = LesionGenerator.generate(data.generated(), cacheRoot, log);
                yield selectIsic(data, dir, LesionGenerator.IMAGES, LesionGenerator.LABELS);
            }
            case FOLDER -> selectFolder(data);
        };
        if (!selection.skipped.isEmpty()) {
            log.warn("data: skipped " + selection.skipped.size() + " file(s): "
                    + selection.skipped.stream().limit(SKIPPED_SHOWN).collect(Collectors.joining("; "))
                    + (selection.skipped.size() > SKIPPED_SHOWN
                    ? "; and " + (selection.skipped.size() - SKIPPED_SHOWN) + " more" : ""));
        }
        if (selection.found == 0) {
            throw new UserException(selection.where + ": no images (" + String.join(", ", IMAGE_EXTENSIONS)
                    + ") in this folder" + (selection.skipped.isEmpty() ? "" : ", only other files")
                    + "; point data.path at " + (data.format() == DataFormat.FOLDER ? "a folder of images"
                    : "the folder holding the images folder and the ground-truth CSV"));
        }
        if (selection.files.isEmpty()) {
            throw new UserException(selection.where + ": no images left to load (classes " + classNames(data)
                    + ", limit " + data.limit() + "); check data.classes and data.limit");
        }
        return prepare(data, selection, cacheRoot, log);
    }

    /**
     * The images chosen for loading, before any decoding.
     *
     * @param where the folder they come from
     * @param found images found there, before the class and limit filters
     */
    private record Selection(Path where, int found, List<String> ids, List<Path> files, List<LesionClass> labels,
                             List<String> skipped, String labelsSha256) {
    }

    private static Selection selectIsic(DataConfig data, Path root, String images, String labels) {
        if (root == null || !Files.isDirectory(root)) {
            throw new UserException("data.path: folder " + root + " does not exist; point data.path at the"
                    + " folder holding the ISIC 2017 images folder and ground-truth CSV");
        }
        Path imageDir = root.resolve(images);
        Path csv = root.resolve(labels);
        if (!Files.isDirectory(imageDir)) {
            throw new UserException("data.images: folder " + imageDir + " does not exist; set data.images to the"
                    + " images folder inside " + root);
        }
        if (!Files.isRegularFile(csv)) {
            throw new UserException("data.labels: file " + csv + " does not exist; set data.labels to the"
                    + " ground-truth CSV inside " + root);
        }
        byte[] csvBytes = readAll(csv);
        Map<String, LesionClass> classOf = IsicLabels.parse(csv,
                new String(csvBytes, StandardCharsets.UTF_8).lines().toList());

        List<String> skipped = new ArrayList<>();
        TreeMap<String, Path> imageOf = new TreeMap<>();
        for (Path f : list(imageDir)) {
            String name = f.getFileName().toString();
            if (!isImageName(name) || !Files.isRegularFile(f)) {
                continue; // the ISIC download also holds superpixel PNGs, license files, etc.
            }
            String id = stem(name);
            if (!classOf.containsKey(id)) {
                skipped.add(name + " (image without a row in " + csv.getFileName() + ")");
            } else if (imageOf.put(id, f) != null) {
                throw new UserException(imageDir + ": two images with id " + id + "; keep only one of them");
            }
        }
        for (String id : new TreeMap<>(classOf).keySet()) {
            if (!imageOf.containsKey(id)) {
                skipped.add(id + " (in " + csv.getFileName() + " but no image in " + imageDir.getFileName() + ")");
            }
        }
        List<String> ids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<LesionClass> classes = new ArrayList<>();
        for (Map.Entry<String, Path> e : imageOf.entrySet()) {
            LesionClass c = classOf.get(e.getKey());
            if (!data.classes().contains(c)) {
                continue;
            }
            if (data.limit() > 0 && ids.size() == data.limit()) {
                break;
            }
            ids.add(e.getKey());
            files.add(e.getValue());
            classes.add(c);
        }
        return new Selection(imageDir, imageOf.size(), ids, files, classes, skipped, hex(sha256(csvBytes)));
    }

    private static Selection selectFolder(DataConfig data) {
        Path dir = data.path();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserException("data.path: folder " + dir + " does not exist; point data.path at a folder of images");
        }
        List<String> skipped = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Map<String, String> seen = new TreeMap<>();
        int found = 0;
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f)) {
                skipped.add(name + " (not a regular file)");
                continue;
            }
            if (!isImageName(name)) {
                skipped.add(name + " (not " + String.join("/", IMAGE_EXTENSIONS) + ")");
                continue;
            }
            String id = stem(name);
            found++;
            String before = seen.put(id, name);
            if (before != null) {
                throw new UserException(dir + ": " + before + " and " + name + " have the same id " + id
                        + "; rename or remove one of them");
            }
            if (data.limit() > 0 && ids.size() == data.limit()) {
                continue;
            }
            ids.add(id);
            files.add(f);
        }
        return new Selection(dir, found, ids, files, null, skipped, "none");
    }

    private static ImageSet prepare(DataConfig data, Selection sel, Path cacheRoot, EngineLog log) {
        long t0 = System.nanoTime();
        List<String> fileHashes = Parallel.map(sel.files.size(), i -> hex(sha256(readAll(sel.files.get(i)))));
        StringBuilder manifest = new StringBuilder()
                .append("melanogans prepared images v").append(PreparedCache.FORMAT_VERSION).append('\n')
                .append("format ").append(data.format()).append('\n')
                .append("labels ").append(sel.labelsSha256).append('\n')
                .append("crop ").append(data.crop()).append('\n')
                .append("resolution ").append(data.resolution()).append('\n')
                .append("classes ").append(data.format() == DataFormat.FOLDER ? "all" : classNames(data)).append('\n')
                .append("limit ").append(data.limit()).append('\n');
        for (int i = 0; i < sel.files.size(); i++) {
            manifest.append("file ").append(sel.files.get(i).getFileName()).append(' ')
                    .append(fileHashes.get(i)).append('\n');
        }
        String key = hex(sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
        Path cacheFile = PreparedCache.file(cacheRoot, key);
        int res = data.resolution();
        Optional<byte[]> cached = PreparedCache.read(cacheFile, key, sel.ids, res, log);
        if (cached.isPresent()) {
            log.info(String.format(Locale.ROOT, "data: %d images at %dx%d from cache %s (%.1f s)",
                    sel.ids.size(), res, res, cacheFile, (System.nanoTime() - t0) / 1e9));
            return new ImageSet(sel.ids, sel.labels, res, cached.get(),
                    PreparedCache.sha256(sel.ids, cached.get()), sel.skipped);
        }
        int n = res * res * 3;
        byte[] pixels = new byte[sel.files.size() * n];
        List<byte[]> prepared = Parallel.map(sel.files.size(),
                i -> ImageResampler.prepare(ImageDecoder.decode(sel.files.get(i)), data.crop(), res).rgb());
        for (int i = 0; i < prepared.size(); i++) {
            System.arraycopy(prepared.get(i), 0, pixels, i * n, n);
        }
        String sha = PreparedCache.sha256(sel.ids, pixels);
        try {
            PreparedCache.write(cacheFile, key, sel.ids, res, pixels, sha);
        } catch (IOException e) {
            throw new UserException("cannot write the data cache " + cacheFile + " (" + e
                    + "); check that the reports folder is writable and has free space", e);
        }
        log.info(String.format(Locale.ROOT, "data: decoded %d images from %s to %dx%d (crop %s) in %.1f s; cached in %s",
                sel.ids.size(), sel.where, res, res, data.crop(), (System.nanoTime() - t0) / 1e9, cacheFile));
        return new ImageSet(sel.ids, sel.labels, res, pixels, sha, sel.skipped);
    }

    private static String classNames(DataConfig data) {
        return data.classes().stream().map(LesionClass::yamlName).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    private static boolean isImageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Folder entries sorted by file name. */
    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(out::add);
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list the folder (" + e + "); check that it is readable");
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e + "); check that it exists and is readable",
                    new UncheckedIOException(e));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        MessageDigest md = PreparedCache.digest();
        return md.digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
