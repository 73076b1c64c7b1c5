package snn

import (
	"math"
	"math/bits"
)

// trace holds one sample's trajectory, kept for backpropagation.
type trace struct {
	pre []float64 // (T−1)×H: α·V_t + h_t, the potential before the reset
	v   []float64 // T×H: V_t
	s   []float64 // T×H: S_t (0/1; σ(β(V−1)) in smooth mode)
	m   []float64 // C: mean output potential
	u   []float64 // C: output potential, scratch
	h   []float64 // H: input current, scratch
}

func newTrace(T, H, C int) *trace {
	return &trace{
		pre: make([]float64, (T-1)*H),
		v:   make([]float64, T*H),
		s:   make([]float64, T*H),
		m:   make([]float64, C),
		u:   make([]float64, C),
		h:   make([]float64, H),
	}
}

// kernel is the network flattened for the hot loops.
type kernel struct {
	cfg      Config
	wih, who []float64 // row-major (in, out)
	alpha    float64
	T        int
	H, C     int
}

func (n *Net) kernel(T int) *kernel {
	wih, who := n.weights()
	return &kernel{cfg: n.Config, wih: wih, who: who, alpha: n.Alpha(), T: T, H: n.NumHidden, C: n.NumClasses}
}

// project sets h to the input current x_t·W_ih of the spiking inputs in row,
// eight hidden units at a time with the sums in registers.
func (k *kernel) project(row []uint64, h []float64) {
	H := k.H
	j0 := 0
	for ; j0+8 <= H; j0 += 8 {
		k.project8(row, h[j0:j0+8], j0)
	}
	if j0 == H {
		return
	}
	rest := h[j0:]
	clear(rest)
	for w, word := range row {
		for word != 0 {
			i := w<<6 + bits.TrailingZeros64(word)
			word &= word - 1
			r := k.wih[i*H+j0 : i*H+H]
			for j, v := range r {
				rest[j] += v
			}
		}
	}
}

// project8 sets h[0:8] to the input current of hidden units j0 … j0+7.
func (k *kernel) project8(row []uint64, h []float64, j0 int) {
	var h0, h1, h2, h3, h4, h5, h6, h7 float64
	wih, H := k.wih, k.H
	for w, word := range row {
		for word != 0 {
			i := w<<6 + bits.TrailingZeros64(word)
			word &= word - 1
			o := i*H + j0
			r := wih[o : o+8 : o+8]
			h0 += r[0]
			h1 += r[1]
			h2 += r[2]
			h3 += r[3]
			h4 += r[4]
			h5 += r[5]
			h6 += r[6]
			h7 += r[7]
		}
	}
	h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7] = h0, h1, h2, h3, h4, h5, h6, h7
}

// spike is the forward nonlinearity of S_{t+1} = f(V_t − 1).
func (k *kernel) spike(x float64) float64 {
	if k.cfg.Smooth {
		return 1 / (1 + math.Exp(-k.cfg.Beta*x))
	}
	if x > 0 {
		return 1
	}
	return 0
}

// surrogate is the derivative used for dS/dV.
func (k *kernel) surrogate(x float64) float64 {
	if k.cfg.Surrogate == SuperSpike && !k.cfg.Smooth {
		d := k.cfg.Scale*math.Abs(x) + 1
		return 1 / (d * d)
	}
	b := k.cfg.Beta
	sg := 1 / (1 + math.Exp(-b*x))
	return b * sg * (1 - sg)
}

// forward runs one sample through the network, filling tr.
func (k *kernel) forward(x Spikes, sample int, tr *trace) {
	T, H, C, a := k.T, k.H, k.C, k.alpha
	v, s, pre, h := tr.v, tr.s, tr.pre, tr.h
	clear(v[:H])
	clear(s[:H])
	for t := 0; t < T-1; t++ {
		k.project(x.Row(sample, t), h)
		vt, st := v[t*H:t*H+H], s[t*H:t*H+H]
		vn, sn, pt := v[(t+1)*H:(t+2)*H], s[(t+1)*H:(t+2)*H], pre[t*H:t*H+H]
		for j := 0; j < H; j++ {
			p := a*vt[j] + h[j]
			pt[j] = p
			vn[j] = p * (1 - st[j])
			sn[j] = k.spike(vt[j] - 1)
		}
	}
	// Output integrators: U_{t+1} = α·U_t + S_t·W_ho, mean over U_0 … U_{T−1}.
	u, m := tr.u, tr.m
	clear(u)
	clear(m)
	for t := 0; t < T-1; t++ {
		for c := range u {
			u[c] *= a
		}
		for j, sj := range s[t*H : t*H+H] {
			if sj == 0 {
				continue
			}
			r := k.who[j*C : j*C+C]
			if sj == 1 {
				for c, w := range r {
					u[c] += w
				}
			} else {
				for c, w := range r {
					u[c] += sj * w
				}
			}
		}
		for c := range m {
			m[c] += u[c]
		}
	}
	for c := range m {
		m[c] /= float64(T)
	}
}
