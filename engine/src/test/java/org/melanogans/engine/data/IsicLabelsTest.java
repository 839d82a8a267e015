package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.LesionClass;

class IsicLabelsTest {
    private static final Path CSV = Path.of("gt.csv");

    @Test
    void mapsColumnsToClassesInFileOrder() {
        Map<String, LesionClass> m = IsicLabels.parse(CSV, List.of(
                "\uFEFFimage_id,melanoma,seborrheic_keratosis\r",
                "ISIC_2,1.0,0.0", "ISIC_1,0.0,1.0", "", "ISIC_3,0,0"));
        assertEquals(List.of("ISIC_2", "ISIC_1", "ISIC_3"), List.copyOf(m.keySet()));
        assertEquals(LesionClass.MELANOMA, m.get("ISIC_2"));
        assertEquals(LesionClass.SEBORRHEIC_KERATOSIS, m.get("ISIC_1"));
        assertEquals(LesionClass.NEVUS, m.get("ISIC_3"));
    }

    private static String error(String... lines) {
        return assertThrows(UserException.class, () -> IsicLabels.parse(CSV, List.of(lines))).getMessage();
    }

    @Test
    void errorsNameFileLineAndFix() {
        String both = error(IsicLabels.HEADER, "ISIC_1,0.0,0.0", "ISIC_2,1.0,1.0");
        assertTrue(both.startsWith("gt.csv:3: ISIC_2 is marked both"), both);
        String bad = error(IsicLabels.HEADER, "ISIC_1,0.5,0.0");
        assertTrue(bad.startsWith("gt.csv:2: melanoma is '0.5'") && bad.contains("0.0 or 1.0"), bad);
        String header = error("id,mel,sk", "ISIC_1,0.0,0.0");
        assertTrue(header.startsWith("gt.csv:1: expected the header"), header);
        String cols = error(IsicLabels.HEADER, "ISIC_1,0.0");
        assertTrue(cols.startsWith("gt.csv:2: expected 3"), cols);
        String dup = error(IsicLabels.HEADER, "ISIC_1,0.0,0.0", "ISIC_1,0.0,0.0");
        assertTrue(dup.startsWith("gt.csv:3: duplicate image_id ISIC_1"), dup);
        assertTrue(error().contains("empty file"));
    }
}
