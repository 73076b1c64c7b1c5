// Package gaussneuron computes the activity of a single two-input neuron over
// a grid of inputs: the classic linear neuron a = W·x + b, its tanh, the
// radial Gaussian r = exp(−‖x − c‖²/σ²) and the "Localized (Finite) Gaussian
// Neuron" a·r with its tanh variants.
//
// It reproduces notebook 2.1.1 "Visualization of Finite Gaussian activity" of
// F. Grezes' Finite Gaussian Neuron project (grezesf/FGN---Research, commit
// aaf7349): the same 161×161 grid built as numpy.arange(−8, 8.1, 0.1) — with
// numpy's rounding, so the grid point nearest 1 is 0.999999999999968 — the
// same W = (−1, −2), centre c = (1, 2), σ = 4 and b = −W·c = 5, and the same
// contour levels and colour-bar ticks for its six figures.
//
// Note the radial term divides by σ², not 2σ², as the original does.
package gaussneuron
