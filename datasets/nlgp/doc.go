// Package nlgp samples the nonlinear Gaussian process (NLGP) of Ingrosso &
// Goldt, "Data-driven emergence of convolutional structure in neural
// networks" (PNAS 2022, arXiv 2202.00565), as used by Lufkin, Saxe & Grant,
// "Nonlinear dynamics of localization in neural receptive fields"
// (arXiv 2501.17284).
//
// An example of length L is drawn in two steps: a label is drawn with
// P(+1) = ClassProportion, the class fixes a correlation length ξ (Xi1 for
// label +1, Xi2 for label −1), a Gaussian vector z ~ N(0, C) is drawn with the
// squared-exponential covariance
//
//	C_ij = exp(−(i−j)²/ξ²),   i, j = 0…L−1   (no factor 2, not periodic)
//
// and passed through a scaled error function. Two scalings are offered:
//
//   - [Lufkin2023] (the default) is the version the ported notebook imports
//     (leonlufkin/Localization @ 89921cd, datasets/nonlinear_gp.py):
//     x = erf(g·z)/Z(g) with Z(g) = √((2/π)·asin(g²/(1+g²))). That Z does not
//     make x unit-variance: Var x = asin(2g²/(1+2g²))/asin(g²/(1+g²)), ≈1.36
//     for g = 1.1 and ≈1.00 for g = 100.
//   - [UnitVariance] is Ingrosso & Goldt's (sgoldt/conv_emerge, inputs.py):
//     x = erf(g·z/√2)/√γ, γ = (2/π)·asin(g²/(1+g²)), exactly unit variance.
//
// The Gaussian draw uses a square root of C from its symmetric eigen
// decomposition (negative round-off eigenvalues clipped to zero), which is
// exact for the near-singular covariances of large ξ where a Cholesky
// factorisation fails; the original draws with JAX's SVD method for the same
// reason. Samples are streamed from a seeded math/rand/v2 source, so no
// dataset is held in memory; the original's JAX threefry stream cannot be
// reproduced, only its distribution.
//
// Within a class the second moments are known in closed form,
// E[x_i x_j] = (2/π)·asin(2a²C_ij/(1+2a²))/s² with a the gain inside erf and
// s the divisor; [Config.Moment] returns them and the tests check the
// sampler against them.
package nlgp
