// Package itd generates the interaural phase difference (IPD) spike data
// set of the "minimal trainable model" of sound localisation by the COMOB
// project (comob-project/snn-sound-localization,
// research/time-constant-solutions.ipynb, class ITDDataset; paper: Ghosh,
// Habashy, … Goodman, "Spiking neural network models of interaural time
// difference extraction via a massively collaborative process").
//
// A sample is a pure tone of frequency f heard with a random phase
// difference ipd ∈ [−π/2, π/2) between the ears. Each ear has AnfPerEar
// auditory nerve fibres with phase delays ψ_j = linspace(0, π/2); fibre j
// of the left ear sees the phase θ = φ(t) + ψ_j, of the right ear
// θ = φ(t) + ψ_j + ipd, with φ(t) = 2π(f·t + φ0) and one random φ0 per data
// set. A fibre spikes in a time bin with probability equal to the integral
// of R_max·((1 + sin θ)/2)^power over the bin (exact for power 2, rate·dt
// otherwise). The label is the IPD's class among NumClasses equal bins.
//
// With a nil Config.Rand the generator is numpy's legacy MT19937 seeded with
// Config.Seed and the draws follow the original's order (IPDs, then φ0,
// then uniforms in C order sample × time × fibre), so the data are
// identical, spike for spike, to the original's. Like the original, every
// data set built with the same seed starts the stream afresh: a test set of
// n samples has the same IPDs as the first n training samples.
//
// Spikes are stored as one bit each, a row of ⌈inputs/64⌉ words per time
// step: the default training set (16 384 samples) takes 52 MB.
package itd
