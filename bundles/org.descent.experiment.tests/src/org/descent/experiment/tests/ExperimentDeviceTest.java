package org.descent.experiment.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.experiment.ExperimentDevice;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.junit.jupiter.api.Test;

/** An experiment's device and threads settings, found among the installed backends (cpu here). */
class ExperimentDeviceTest {

    private static final List<Backend> BACKENDS = Backends.find(ExperimentDeviceTest.class);

    @Test
    void theExperimentsDeviceWithItsThreads() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setDevice("cpu");
        e.setThreads(3);
        Device d = ExperimentDevice.resolve(e, BACKENDS, Backends.AUTO);
        assertEquals("cpu", d.id());
        assertEquals(3, d.threads());
        e.setThreads(0);
        assertEquals(Runtime.getRuntime().availableProcessors(), ExperimentDevice.resolve(e, BACKENDS, Backends.AUTO).threads(),
                "0: every core");
    }

    @Test
    void autoIsTheDefaultGivenElsewhere() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        assertEquals("auto", e.getDevice());
        assertEquals("cpu", ExperimentDevice.resolve(e, BACKENDS, "cpu:0").id());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ExperimentDevice.resolve(e, BACKENDS, "cpu:2"));
        assertTrue(x.getMessage().startsWith("device 'cpu:2': backend cpu has 1 device: cpu ("), x.getMessage());
    }

    @Test
    void withoutBackendsAutoIsTheHostPathAndANamedDeviceIsRefused() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        assertNull(ExperimentDevice.resolve(e, List.of(), Backends.AUTO));
        e.setDevice("cpu");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ExperimentDevice.resolve(e, List.of(), Backends.AUTO));
        assertTrue(x.getMessage().contains("(none installed)"), x.getMessage());
    }

    @Test
    void anUnknownDeviceListsTheBackends() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setDevice("tpu:0");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> ExperimentDevice.resolve(e, BACKENDS, Backends.AUTO));
        assertTrue(x.getMessage().startsWith("unknown device 'tpu:0': expected auto or one of the backends cpu (available)"),
                x.getMessage());
    }
}
