// Package snn implements the spiking neural network of the COMOB project's
// "minimal trainable model" of sound localisation
// (comob-project/snn-sound-localization, research/time-constant-solutions.ipynb,
// classes ITDNet and AnalysisResults; Ghosh, Habashy, … Goodman, "Spiking
// neural network models of interaural time difference extraction via a
// massively collaborative process"), trained with surrogate gradients
// (Neftci, Mostafa & Zenke 2019; Zenke & Ganguli 2018).
//
// The network has one layer of leaky integrate-and-fire (LIF) neurons fed
// by input spikes through W_ih (inputs × hidden) and a layer of
// non-spiking leaky integrators fed by the hidden spikes through W_ho
// (hidden × classes). With α = exp(−dt/τ), for t = 0 … T−2
//
//	V_{t+1} = (α·V_t + x_t·W_ih)·(1 − S_t),   S_{t+1} = H(V_t − 1),
//	U_{t+1} = α·U_t + S_t·W_ho,
//
// from V_0 = S_0 = U_0 = 0: the reset uses the spike of the previous step,
// so a neuron whose potential crosses 1 spikes one step later and is reset
// the step after that — the original's update order, kept exactly. The
// class scores are the mean of U_0 … U_{T−1}; training minimises the
// negative log-likelihood of their log-softmax plus the original's
// firing-rate regulariser. The hidden spike S_{T−1} counts in firing rates
// and the regulariser but never reaches the output, as in the original.
//
// Gradients are computed by backpropagation through time written for this
// network (backward.go), with the derivative of the Heaviside step replaced
// by the sigmoid surrogate β·σ(β·x)(1 − σ(β·x)), β = 5 (or SuperSpike's
// 1/(100|x| + 1)²). They equal PyTorch autograd's gradients of the original
// code (testdata/gen_golden.py) and, for a smooth variant whose forward
// pass uses the sigmoid itself, finite differences.
//
// Inputs are any Spikes: binary spike trains given as one bit set per time
// step (datasets/itd stores them so). Everything is float64; the published
// network's float32 weights are widened exactly, and its test-set
// predictions equal those of the original's float32 PyTorch code.
//
// Files: net.go (configuration, initialisation), forward.go and evaluate.go
// (simulation), backward.go (loss, regulariser, BPTT), train.go (Adam
// training with progress and cancellation), io.go (.npz save and load),
// analysis.go (the original's AnalysisResults), ratemodel.go and
// solution.go (the reduced model of the "Understanding the solution found"
// sections: bicubic W_ho, Ricker and Gaussian fits with pkg/fit, LIF rate
// approximation, rate-based predictions), sweep.go (the τ sweep, parallel
// and cached on disk).
//
// Training is deterministic for a given seed whatever the number of
// workers: per-sample gradients are summed in fixed chunks and order.
package snn
