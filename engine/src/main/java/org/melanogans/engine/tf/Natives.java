package org.melanogans.engine.tf;

import java.util.List;
import java.util.Locale;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Device;
import org.melanogans.engine.experiment.YamlNames;

/**
 * Which TensorFlow natives the engine process loads: the {@code tensorflow-core-native} classifier
 * for a host's operating system and architecture and the device, among those TensorFlow-Java
 * publishes on Maven Central.
 *
 * @param os   {@code os.name} of the host
 * @param arch {@code os.arch} of the host
 */
public record Natives(String os, String arch) {
    /** Maven coordinates of the natives, without their classifier. */
    public static final String GROUP = "org.tensorflow";
    public static final String ARTIFACT = "tensorflow-core-native";

    /** Every classifier TensorFlow-Java {@value SessionOptions#TENSORFLOW_VERSION} publishes. */
    public static final List<String> PUBLISHED = List.of("linux-x86_64", "linux-x86_64-gpu", "linux-arm64",
            "macosx-arm64", "windows-x86_64");

    /** The host this JVM runs on. */
    public static Natives host() {
        return new Natives(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The classifier for {@code device} on this host.
     *
     * @throws UserException naming the host, the device and what is published, when nothing fits
     */
    public String classifier(Device device) {
        String platform = platform();
        String classifier = platform == null ? null : device == Device.GPU ? platform + "-gpu" : platform;
        if (classifier == null || !PUBLISHED.contains(classifier)) {
            throw new UserException("gan.device=" + YamlNames.of(device) + ": TensorFlow-Java "
                    + SessionOptions.TENSORFLOW_VERSION + " has no natives for " + os + " on " + arch
                    + (device == Device.GPU && platform != null ? " with a GPU" : "") + " (published: "
                    + String.join(", ", PUBLISHED) + ")"
                    + (device == Device.GPU && platform != null ? "; run with -Dgan.device=cpu" : ""));
        }
        return classifier;
    }

    /** TensorFlow-Java's name of the host platform, or null for one it does not name. */
    private String platform() {
        String o = os.toLowerCase(Locale.ROOT);
        String family = o.startsWith("linux") ? "linux" : o.startsWith("mac") || o.startsWith("darwin") ? "macosx"
                : o.startsWith("windows") ? "windows" : null;
        String a = arch.toLowerCase(Locale.ROOT);
        String cpu = a.equals("amd64") || a.equals("x86_64") ? "x86_64"
                : a.equals("aarch64") || a.equals("arm64") ? "arm64" : null;
        return family == null || cpu == null ? null : family + "-" + cpu;
    }

    /** The file name of the natives jar of {@code classifier}, as Maven's local repository holds it. */
    public static String jarName(String classifier) {
        return ARTIFACT + "-" + SessionOptions.TENSORFLOW_VERSION + "-" + classifier + ".jar";
    }
}
