/**
 * Descent's models: dense networks (linear and logistic regression, MLPs) on plain-array
 * kernels in fp64 and fp32; the MLP with batch norm, dropout and binary layers, the CNN and the
 * ResNets on the layer framework (package layers); the GRU encoder-decoder (seq2seq); the Gaussian and Gaussian-mixture density models of the
 * source material's maximum-likelihood examples; the autoencoder family (autoencoder, denoising
 * autoencoder, VAE, conditional VAE) built from dense stacks; word2vec's skip-gram with negative
 * sampling or hierarchical softmax.
 */
@NonNullByDefault
package org.descent.models.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
