package org.descent.experiment.internal;

import java.util.Date;

import org.descent.core.Blas;
import org.descent.core.Descent;
import org.descent.core.Precision;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.ResolvedComponent;
import org.descent.experiment.model.Run;
import org.descent.experiment.model.Setting;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.osgi.framework.Bundle;

/** New run records with their provenance: code and runtime versions, every setting, the data's hash. */
public final class RunRecords {

    private RunRecords() {
    }

    /**
     * A new run of a plan in a folder, with its provenance.
     *
     * @param dataFingerprint {@link TrainingData#fingerprint()} of the training rows
     */
    public static Run newRun(ResolvedExperiment plan, RunFolder folder, long dataFingerprint) {
        return newRun(plan, folder, dataFingerprint, hostPath(plan.precision()), 1, false);
    }

    /**
     * The host path's description in provenance: {@code host fp64 path: plain Java arrays and
     * OpenBLAS (...)}.
     */
    public static String hostPath(Precision compute) {
        return "host " + compute.id() + " path: " + Blas.find(RunRecords.class).map(b -> "plain Java arrays and " + b.name())
                .orElse("plain Java arrays");
    }

    /**
     * A new run with the description of where its passes compute ({@code backend} of the
     * provenance), the host threads they use, and where the optimizer updates ({@code update}:
     * {@code device} or {@code host}).
     */
    public static Run newRun(ResolvedExperiment plan, RunFolder folder, long dataFingerprint, String computePath,
            int threads, boolean deviceUpdate) {
        ExperimentFactory f = ExperimentFactory.eINSTANCE;
        Run run = f.createRun();
        run.setName(folder.dir().getFileName().toString());
        run.setExperiment(EcoreUtil.copy(plan.experiment()));
        run.setCreated(new Date());
        Provenance p = f.createProvenance();
        p.setDescentVersion(Descent.version());
        p.setJavaVersion(System.getProperty("java.version"));
        p.setJavaVendor(System.getProperty("java.vendor"));
        p.setOs(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.setHost(RunProcess.host());
        p.setThreads(threads);
        p.setBackend(computePath);
        p.setUpdate(deviceUpdate ? "device" : "host");
        p.setSeed(plan.experiment().getSeed());
        p.setPrecision(plan.experiment().getPrecision());
        p.setDataFingerprint(hex(dataFingerprint));
        for (ResolvedExperiment.Part<?> part : plan.parts()) {
            ResolvedComponent rc = f.createResolvedComponent();
            rc.setRole(part.role());
            rc.setId(part.contribution().id());
            rc.setBundle(part.contribution().bundle());
            Bundle bundle = Platform.getBundle(part.contribution().bundle());
            rc.setBundleVersion(bundle == null ? null : bundle.getVersion().toString());
            part.settings().texts().forEach((k, v) -> {
                Setting s = f.createSetting();
                s.setName(k);
                s.setValue(v);
                rc.getSettings().add(s);
            });
            p.getResolved().add(rc);
        }
        run.setProvenance(p);
        return run;
    }

    /** A fingerprint as provenance and messages write it: 16 hex digits. */
    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }
}
