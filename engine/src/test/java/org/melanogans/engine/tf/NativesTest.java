package org.melanogans.engine.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Device;

/** The natives classifier for each host TensorFlow-Java 1.1.0 publishes for, and a refusal for the others. */
class NativesTest {
    @Test
    void everyPublishedPlatformGetsItsClassifier() {
        assertEquals("linux-x86_64", new Natives("Linux", "amd64").classifier(Device.CPU));
        assertEquals("linux-x86_64-gpu", new Natives("Linux", "amd64").classifier(Device.GPU));
        assertEquals("linux-x86_64", new Natives("Linux", "x86_64").classifier(Device.CPU));
        assertEquals("linux-arm64", new Natives("Linux", "aarch64").classifier(Device.CPU));
        assertEquals("macosx-arm64", new Natives("Mac OS X", "aarch64").classifier(Device.CPU));
        assertEquals("windows-x86_64", new Natives("Windows 11", "amd64").classifier(Device.CPU));
        assertEquals("windows-x86_64", new Natives("Windows Server 2022", "amd64").classifier(Device.CPU));
    }

    @Test
    void aGpuWithoutPublishedNativesIsRefusedNamingTheHostAndTheWayOut() {
        UserException mac = assertThrows(UserException.class,
                () -> new Natives("Mac OS X", "aarch64").classifier(Device.GPU));
        assertEquals("gan.device=gpu: TensorFlow-Java 1.1.0 has no natives for Mac OS X on aarch64 with a GPU"
                + " (published: linux-x86_64, linux-x86_64-gpu, linux-arm64, macosx-arm64, windows-x86_64); run with"
                + " -Dgan.device=cpu", mac.getMessage());
        assertThrows(UserException.class, () -> new Natives("Windows 11", "amd64").classifier(Device.GPU));
        assertThrows(UserException.class, () -> new Natives("Linux", "aarch64").classifier(Device.GPU));
    }

    @Test
    void anUnpublishedHostIsRefused() {
        UserException intelMac = assertThrows(UserException.class,
                () -> new Natives("Mac OS X", "x86_64").classifier(Device.CPU));
        assertTrue(intelMac.getMessage().startsWith("gan.device=cpu: TensorFlow-Java 1.1.0 has no natives for Mac OS X"
                + " on x86_64 (published: "), intelMac.getMessage());
        assertThrows(UserException.class, () -> new Natives("FreeBSD", "amd64").classifier(Device.CPU));
        assertThrows(UserException.class, () -> new Natives("Linux", "ppc64le").classifier(Device.CPU));
    }

    @Test
    void jarNamesAreThoseOfTheLocalRepository() {
        assertEquals("tensorflow-core-native-1.1.0-linux-x86_64.jar", Natives.jarName("linux-x86_64"));
    }
}
