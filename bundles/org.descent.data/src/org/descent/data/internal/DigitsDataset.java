package org.descent.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.zip.GZIPInputStream;

import org.descent.core.Data;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The 8x8 handwritten digits (1797 images, 10 classes), bundled from scikit-learn's copy of the
 * UCI data (see data/digits-LICENSE.txt). Pixels 0..16, divided by 16 unless {@code scale=false}.
 */
public final class DigitsDataset implements Dataset {

    static final String RESOURCE = "data/digits.csv.gz";

    private boolean scale;

    @Override
    public void configure(Settings s) {
        scale = s.getBoolean("scale");
    }

    @Override
    public Data load(IProgressMonitor monitor) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(DigitsDataset.class);
        URL url = bundle != null ? bundle.getEntry(RESOURCE) : DigitsDataset.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IOException("digits: " + RESOURCE + " is missing from bundle org.descent.data");
        }
        CsvTable table;
        try (InputStream in = new GZIPInputStream(url.openStream())) {
            table = CsvTable.read(in, "digits.csv.gz", false, monitor);
        }
        if (table.columns != 65 || table.rows != 1797) {
            throw new IOException("digits: expected 1797 rows of 65 values, found " + table.rows + " of " + table.columns);
        }
        if (scale) {
            for (int r = 0; r < table.rows; r++) {
                for (int c = 0; c < 64; c++) {
                    table.values[r * 65 + c] /= 16;
                }
            }
        }
        for (int c = 0; c < 64; c++) {
            table.header.set(c, "pixel" + (c / 8) + "_" + (c % 8));
        }
        table.header.set(64, "digit");
        return TableData.of("digits", table, 64, "classification", false);
    }
}
