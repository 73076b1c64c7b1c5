// Package biolearn simulates the "competing hidden units" of D. Krotov and
// J. J. Hopfield, "Unsupervised learning by competing hidden units", PNAS
// 116 (2019) 7723–7731, by integrating their differential equations
// directly, as notebook 00_Differential_Algorithm.ipynb of F. Manzali's
// QLS-Project (github.com/Einlar/QLS-Project, HEAD 77d92053) does.
//
// A layer of hidden units h_μ receives visible units v_i through weights
// W_μi. With the Lebesgue exponent p (paper eq. 2),
//
//	I_μ = Σ_i sgn(W_μi)|W_μi|^(p−1) v_i                       (currents)
//	τ dh_μ/dt = I_μ − w_inh Σ_{ν≠μ} max(h_ν, 0) − h_μ          (eq. 8)
//
// and the "stationary" activations are the solution of eq. 8 from h = 0 at
// t = 5τ (not a true fixed point: the original integrates for 5τ). The
// learning rule uses the post-activation
//
//	g(h) = 0 for h < 0, −Δ for 0 ≤ h ≤ h*, 1 for h > h*       (eq. 9)
//
// (the paper puts the boundaries at h ≤ 0 and h < h*; the original code, and
// this package, as written above) and, in the quasi-stationary approximation
// where the hidden units settle at every instant,
//
//	τ_L dW_μi/dt = g(h_μ) (v_i − h_μ W_μi).
//
// The decay term uses the stationary activation h_μ, as the original code
// does; the paper's eq. 3 (with R = 1) uses the current ⟨W, v⟩_μ = I_μ
// instead: g(h_μ)(v_i − I_μ W_μi). Params.Decay selects either. With the
// paper's form, the fixed point of an active row is the unit p-sphere
// Σ|W|^p = 1 when p = 2; with the code's form, h_μ = I_μ − inhibition, and
// for the single active unit that w_inh = 15 leaves (its inhibition is
// zero) h_μ ≈ I_μ(1 − e^(−5)), so rows converge to Σ W² ≈ 1/(1 − e^(−5)) ≈
// 1.0068 — the 1.006–1.009 of the original's converged weights.
//
// Both ODEs are solved with package ode (SciPy's RK45, rtol 1e-3, atol 1e-6,
// automatic first step): the inner 15-dimensional eq. 8 at every evaluation
// of the outer right-hand side, whose state is the flattened weight matrix.
// Training shows MNIST digits one at a time, each for a presentation time
// falling linearly from 25 to 5 over 300 presentations.
package biolearn
