// Package ode integrates initial-value problems dy/dt = f(t, y) with the
// explicit Runge–Kutta pair of Dormand and Prince, order 5(4), with the
// semantics of SciPy's solve_ivp(method="RK45").
//
// The method is that of J. R. Dormand and P. J. Prince, "A family of embedded
// Runge–Kutta formulae", J. Comput. Appl. Math. 6 (1980) 19–26, with the
// fourth-order continuous extension of L. F. Shampine, "Some Practical
// Runge–Kutta Formulas", Math. Comp. 46 (1986) 135–150. The step-size control,
// the automatic choice of the first step (E. Hairer, S. P. Nørsett,
// G. Wanner, "Solving Ordinary Differential Equations I", Sec. II.4) and the
// output at requested times follow scipy/integrate/_ivp/{rk,common,ivp}.py
// (SciPy 1.10) step for step:
//
//   - tolerances rtol = 1e-3 and atol = 1e-6 by default; the error of a step
//     is the RMS norm of err/(atol + rtol·max(|y_old|, |y_new|));
//   - the first step from two evaluations of f (one at t0, one after a tiny
//     Euler step), unless Settings.FirstStep is given;
//   - FSAL: the last stage of an accepted step is the first of the next, so
//     an accepted step costs six evaluations of f;
//   - the controller: factor = min(10, 0.9·err^(−1/5)) after an accepted
//     step (at most 1 right after a rejection), max(0.2, 0.9·err^(−1/5)) after
//     a rejection; steps are clipped to MaxStep and to the end of the interval;
//     the solver fails when the step falls below 10 ulp of t;
//   - values at Settings.TEval come from the dense-output polynomial of the
//     step that covers them (also at the end point, as SciPy does).
//
// On the same problem and settings the solver therefore takes the same steps
// and the same number of function evaluations as SciPy, and returns values
// equal to SciPy's up to rounding (the tests compare with values printed by
// SciPy 1.10.1, testdata/gen_golden.py). The one difference of shape: SciPy's
// y has shape (n, len(t)), Result.Y holds one row per time, Y[k] at T[k].
//
// Package odetest holds problems with known solutions for tests and
// benchmarks.
package ode
