// Package localization trains the two-layer network in which localized
// receptive fields emerge from nonlinear Gaussian process (NLGP) inputs, and
// measures how localized the learned weights are.
//
// It ports the model and analysis of leonlufkin/Localization @ 89921cd
// (viz_nlgp.ipynb, viz_box.py, conv_emergence.py, models/feedforward.py and
// v_torch/conv_emergence.py; Lufkin, Saxe & Grant, "Nonlinear dynamics of
// localization in neural receptive fields", arXiv 2501.17284), whose data
// model and entropy measure come from Ingrosso & Goldt, "Data-driven
// emergence of convolutional structure in neural networks" (PNAS 2022).
//
// The network maps an input x ∈ R^L to
//
//	ŷ(x) = (1/K)·Σ_k φ(w_k·x + b_k) + c
//
// with K hidden units, activation φ (tanh, sigmoid or ReLU), a first-layer
// bias b that is optional and trainable, and a fixed readout (mean over the
// units plus a constant c, the torch script's "second_layer=float"). Only W
// and b learn, by plain SGD on the mean squared error against labels ±1.
//
// Without b the tanh network is odd, ŷ(−x) = −ŷ(x), and both NLGP classes are
// symmetric under x → −x, so every input is as likely as its negative in
// either class and no weight setting beats chance: the seed's own
// configuration (equinox SimpleNet, use_bias=False) stays at accuracy 0.5
// and never localizes. The figures the seed shows came from the torch
// script, whose first layer has a zero-initialised trainable bias; set
// Options.Bias to reproduce them.
//
// Everything is float64; the torch script trains in float32, a difference
// far below the spread between random seeds.
//
// Metrics follow viz_box.py and conv_emergence.py: the inverse participation
// ratio Σw⁴/(Σw²)², the mean and variance of the position distribution
// p_i = w_i²/Σw², the Shannon entropy of each row's weight histogram with
// compute_entropy's bins (including its quirks, see [Entropy]), and the
// entropy, mean and variance orderings used to draw the weight matrices.
package localization
