package org.descent.experiment.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.descent.core.Contribution;
import org.descent.core.ExtensionPoints;
import org.descent.experiment.Components;
import org.descent.testing.Contributions;
import org.junit.jupiter.api.Test;

/** What the editor keeps when a component is switched to another contribution. */
class ComponentsTest {

    private static Contribution optimizer(String id) {
        return Contributions.registry().find(ExtensionPoints.OPTIMIZERS, id).orElseThrow();
    }

    private static Map<String, String> values(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void aValueIsKeptOnlyWhereItMeansTheSameForTheNewContribution() {
        // SGD's lr (default 0.01) is not Adam's (default 0.001): Adam starts from its own default;
        // weight_decay is an L2 penalty with default 0 in both: kept; momentum is not Adam's: dropped
        assertEquals(values("weight_decay", "1e-4"), Components.carriedOver(optimizer("sgd"), optimizer("adam"),
                values("lr", "0.05", "momentum", "0.9", "weight_decay", "1e-4")));
        // Adam and AdamW agree on lr and beta1; AdamW's weight_decay is decoupled (default 0.01): dropped
        assertEquals(values("lr", "0.003", "beta1", "0.8"), Components.carriedOver(optimizer("adam"), optimizer("adamw"),
                values("lr", "0.003", "beta1", "0.8", "weight_decay", "1e-4")));
        assertEquals(Map.of(), Components.carriedOver(null, optimizer("adam"), values("lr", "0.003")),
                "from an id that is not installed nothing can be compared, so nothing is kept");
    }
}
