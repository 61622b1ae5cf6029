package org.descent.analysis.precision.internal;

import org.descent.analysis.precision.FloatFormat;
import org.descent.analysis.precision.SimulatedMixedPrecision;
import org.descent.core.MixedPrecisionPolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The {@code mixed-fp16} policy service; prototype scope gives each run its own loss scale. */
@Component(service = MixedPrecisionPolicy.class, scope = ServiceScope.PROTOTYPE)
public final class Fp16Policy extends SimulatedMixedPrecision {

    public Fp16Policy() {
        super(FloatFormat.FP16);
    }
}
