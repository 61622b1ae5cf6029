package org.descent.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.descent.core.Hyperparameter;
import org.descent.core.Hyperparameter.Type;
import org.descent.core.Settings;
import org.junit.jupiter.api.Test;

/** Settings give every declared value, and refuse a name the contribution does not declare. */
class SettingsTest {

    private static Settings linear() {
        return Settings.resolve("model 'linear'",
                List.of(new Hyperparameter("init", Type.CHOICE, "uniform", null, List.of("uniform", "zeros"), "")),
                Map.of());
    }

    @Test
    void declaredNamesHaveTheirValueOrDefault() {
        Settings s = linear();
        assertTrue(s.has("init"));
        assertEquals("uniform", s.getString("init"));
        assertEquals("uniform", s.text("init"));
        assertEquals(Map.of("init", "uniform"), s.texts());
    }

    @Test
    void anUndeclaredNameIsRefusedNamingTheContribution() {
        Settings s = linear();
        assertFalse(s.has("logits_only"));
        for (String kind : List.of("boolean", "double", "long", "string", "doubles", "text")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                switch (kind) {
                case "boolean" -> s.getBoolean("logits_only");
                case "double" -> s.getDouble("logits_only");
                case "long" -> s.getLong("logits_only");
                case "string" -> s.getString("logits_only");
                case "doubles" -> s.getDoubles("logits_only");
                default -> s.text("logits_only");
                }
            }, kind);
            assertEquals("model 'linear' declares no hyperparameter 'logits_only'; it declares init", e.getMessage(), kind);
        }
    }
}
