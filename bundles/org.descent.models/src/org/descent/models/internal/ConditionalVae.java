package org.descent.models.internal;

/**
 * The conditional VAE ({@code cvae}): a {@link VariationalAutoencoder} whose encoder reads the
 * input with the row's one-hot class label appended, and whose decoder reads z with the same
 * label appended, as the source material describes. The label is the data set's class target;
 * the reconstruction target is still the input. Decoding a chosen label with z drawn from
 * N(0, I) generates an example of that class.
 */
public final class ConditionalVae extends VariationalAutoencoder {

    public ConditionalVae() {
        super(true);
    }
}
