package itd

import "math"

// geometry holds the phases of one data set (one φ0) and the per-bin tables
// that make drawing spikes cheap.
type geometry struct {
	cfg  Config
	a    []float64 // φ(t) + ψ_j, steps × AnfPerEar, numpy's float64 values
	left []float64 // exact bin probabilities of the left ear, steps × AnfPerEar
	// Right-ear probabilities for power 2 are
	// p = scale·(c1·cos2ipd + c2·sin2ipd + c3·cos ipd + c4·sin ipd + k12)
	// by the angle-addition formulas (see drawSpikes).
	c1, c2, c3, c4 []float64
	scale, k12     float64
	w2             float64 // 2π·f·dt, the phase advance over one bin
}

// newGeometry computes the phases exactly as numpy does: T = arange·dt,
// φ = 2π·(f·T + φ0), ψ = linspace(0, π/2, AnfPerEar), θ_left = φ + ψ.
func newGeometry(c Config, phi0 float64) *geometry {
	T, n := c.Steps(), c.AnfPerEar
	psi := make([]float64, n)
	if n > 1 {
		step := (math.Pi / 2) / float64(n-1)
		for j := range psi {
			psi[j] = float64(j) * step
		}
		psi[n-1] = math.Pi / 2
	}
	g := &geometry{
		cfg:   c,
		a:     make([]float64, T*n),
		left:  make([]float64, T*n),
		w2:    2 * math.Pi * c.F * c.Dt,
		k12:   12 * math.Pi * c.F * c.Dt,
		scale: c.RateMax / 4 / (8 * math.Pi * c.F),
	}
	for t := 0; t < T; t++ {
		phi := 2 * math.Pi * (c.F*(float64(t)*c.Dt) + phi0)
		for j := 0; j < n; j++ {
			g.a[t*n+j] = phi + psi[j]
			g.left[t*n+j] = g.exactRate(g.a[t*n+j])
		}
	}
	if c.EnvelopePower == 2 {
		g.c1 = make([]float64, T*n)
		g.c2 = make([]float64, T*n)
		g.c3 = make([]float64, T*n)
		g.c4 = make([]float64, T*n)
		for k, a := range g.a {
			b := a + g.w2
			g.c1[k] = math.Sin(2*a) - math.Sin(2*b)
			g.c2[k] = math.Cos(2*a) - math.Cos(2*b)
			g.c3[k] = 8 * (math.Cos(a) - math.Cos(b))
			g.c4[k] = 8 * (math.Sin(b) - math.Sin(a))
		}
	}
	return g
}

// exactRate is the original's bin probability for phase θ, with numpy's
// order of operations: for power 2 the exact integral of
// R_max·((1+sin θ)/2)² over the bin, R_max/4·(−sin 2θ₂ − 8cos θ₂ + sin 2θ +
// 8cos θ + 12πf·dt)/(8πf) with θ₂ = θ + 2πf·dt; otherwise
// R_max·dt·((1+sin θ)/2)^power.
func (g *geometry) exactRate(theta float64) float64 {
	c := g.cfg
	if c.EnvelopePower == 2 {
		theta2 := theta + g.w2
		return c.RateMax / 4 * ((-math.Sin(2*theta2) - 8*math.Cos(theta2) + math.Sin(2*theta) + 8*math.Cos(theta) + g.k12) / (8 * math.Pi * c.F))
	}
	x := 0.5 * (1 + math.Sin(theta))
	var p float64
	switch c.EnvelopePower {
	case 1:
		p = x
	case 0.5:
		p = math.Sqrt(x)
	default:
		p = math.Pow(x, c.EnvelopePower)
	}
	return c.RateMax * c.Dt * p
}

// margin is the distance between a uniform draw and the fast right-ear
// probability below which the probability is recomputed with numpy's exact
// formula. The fast form differs from numpy's value by about 1e-15 (phase
// rounding times a slope below 1), so decisions farther than 1e-11 are
// certain.
const margin = 1e-11

// drawSpikes draws φ0 and then one uniform per (sample, step, input) in C
// order, setting a bit where the uniform is below the bin probability. It
// returns φ0.
func (d *Dataset) drawSpikes(ipds []float64, bits []uint64) float64 {
	phi0 := d.rng.Float64()
	g := newGeometry(d.Config, phi0)
	n, T, W := d.AnfPerEar, d.steps, d.words
	fast := d.EnvelopePower == 2
	for s, ipd := range ipds {
		s1, c1 := math.Sincos(ipd)
		s2, c2 := math.Sincos(2 * ipd)
		for t := 0; t < T; t++ {
			row := bits[(s*T+t)*W : (s*T+t+1)*W]
			k0 := t * n
			for j := 0; j < n; j++ {
				if d.rng.Float64() < g.left[k0+j] {
					row[j>>6] |= 1 << (uint(j) & 63)
				}
			}
			for j := 0; j < n; j++ {
				u := d.rng.Float64()
				k := k0 + j
				var p float64
				if fast {
					p = g.scale * (g.c1[k]*c2 + g.c2[k]*s2 + g.c3[k]*c1 + g.c4[k]*s1 + g.k12)
					if math.Abs(u-p) < margin {
						p = g.exactRate(g.a[k] + ipd)
					}
				} else {
					p = g.exactRate(g.a[k] + ipd)
				}
				if u < p {
					i := n + j
					row[i>>6] |= 1 << (uint(i) & 63)
				}
			}
		}
	}
	return phi0
}
