package lissom

import (
	"fmt"
	"math"
	"strconv"
)

// Activity is the last input and output of a module, recorded when
// recording is on: pylissom's forward hook input_output_hook, which stores
// copies of input[0] and output on the module. A module called several
// times in one pass (the lateral modules inside the settling loop) keeps
// its last call.
type Activity struct {
	Input, Output []float64
}

// store copies x and y into the record; a nil record does nothing.
func (a *Activity) store(x, y []float64) {
	if a == nil {
		return
	}
	a.Input = append(a.Input[:0], x...)
	a.Output = append(a.Output[:0], y...)
}

// Module is a LISSOM module that maps a sheet of InFeatures() values to one
// of OutFeatures() values: *Linear, *LGN, *ReducedLissom or *Lissom (the
// interface is closed to other types). Modules hold scratch space and
// records: a module is not safe for concurrent use.
type Module interface {
	InFeatures() int
	OutFeatures() int
	// Forward returns the module's response to x (len InFeatures()).
	Forward(x []float64) ([]float64, error)
	String() string
	node() *node
}

// node is a module's place in the tree used by Record and Activations:
// its named children in pylissom's registration order and its record.
type node struct {
	children  []namedModule
	rec       **Activity
	recording bool
}

type namedModule struct {
	name string
	m    Module
}

func (l *Linear) node() *node { return &node{rec: &l.rec} }

// Record turns on recording of the last input and output for m and every
// module inside it (pylissom's register_recursive_input_output_hook), and
// clears earlier records.
func Record(m Module) {
	n := m.node()
	*n.rec = &Activity{}
	for _, c := range n.children {
		Record(c.m)
	}
}

// StopRecording turns recording off for m and every module inside it and
// drops the records.
func StopRecording(m Module) {
	n := m.node()
	*n.rec = nil
	for _, c := range n.children {
		StopRecording(c.m)
	}
}

// Recorded is one module's recorded activity with its place in the tree.
type Recorded struct {
	Name            string // e.g. "v1.inhibitory_module"
	InSide, OutSide int    // sides of the input and output sheets
	Activity
}

// Activations returns the recorded activity of m's modules in the order of
// pylissom's plot_layer_activation: depth first, children in registration
// order before their parent, names prefix.child.grandchild. Modules that
// have not run since recording started are left out, as the original's
// plotting skipped modules without records.
func Activations(m Module, prefix string) []Recorded {
	var out []Recorded
	var walk func(m Module, name string)
	walk = func(m Module, name string) {
		n := m.node()
		for _, c := range n.children {
			walk(c.m, name+"."+c.name)
		}
		if r := *n.rec; r != nil && r.Output != nil {
			inSide, _ := squareSide("in", m.InFeatures())
			outSide, _ := squareSide("out", m.OutFeatures())
			out = append(out, Recorded{Name: name, InSide: inSide, OutSide: outSide,
				Activity: Activity{Input: append([]float64(nil), r.Input...), Output: append([]float64(nil), r.Output...)}})
		}
	}
	walk(m, prefix)
	return out
}

// LGN is an ON or OFF channel of the lateral geniculate nucleus (pylissom's
// LGN, a Sequential of DifferenceOfGaussiansLinear, multiplication by
// Strength and PiecewiseSigmoid): y = f(Strength · W_DoG·x).
type LGN struct {
	DoG      *Linear
	Strength float64
	Sigmoid  PiecewiseSigmoid
	rec      *Activity
	buf      []float64
}

// NewLGN builds pylissom's LGN(in, out, on, radius, sigma_surround,
// sigma_center, min_theta, max_theta, strength).
func NewLGN(in, out int, on bool, radius, sigmaSurround, sigmaCenter, minTheta, maxTheta, strength float64) (*LGN, error) {
	if math.IsNaN(strength) || math.IsInf(strength, 0) {
		return nil, fmt.Errorf("lissom: LGN strength = %v, want a finite number", strength)
	}
	s, err := NewPiecewiseSigmoid(minTheta, maxTheta)
	if err != nil {
		return nil, err
	}
	d, err := NewDifferenceOfGaussians(in, out, on, radius, sigmaSurround, sigmaCenter)
	if err != nil {
		return nil, err
	}
	return &LGN{DoG: d, Strength: strength, Sigmoid: s}, nil
}

// InFeatures returns the number of retinal inputs.
func (g *LGN) InFeatures() int { return g.DoG.InFeatures() }

// OutFeatures returns the number of LGN units.
func (g *LGN) OutFeatures() int { return g.DoG.OutFeatures() }

func (g *LGN) node() *node {
	return &node{children: []namedModule{{"diff_of_gaussians", g.DoG}}, rec: &g.rec}
}

// Forward returns the channel's response to the retina x.
func (g *LGN) Forward(x []float64) ([]float64, error) {
	if err := checkVec("LGN input", x, g.InFeatures()); err != nil {
		return nil, err
	}
	y := make([]float64, g.OutFeatures())
	g.forward(y, x)
	return y, nil
}

func (g *LGN) forward(dst, x []float64) {
	g.DoG.forward(dst, x)
	for k, v := range dst {
		dst[k] = g.Sigmoid.At(v * g.Strength)
	}
	g.rec.store(x, dst)
}

// String prints the module as pylissom (torch's Sequential) does.
func (g *LGN) String() string {
	return moduleRepr("LGN", []child{{"diff_of_gaussians", g.DoG.String()},
		{"strength", "*" + pyFloat(g.Strength)}, {"piecewise_sigmoid", g.Sigmoid.String()}}, "")
}

// ReducedLissom is a LISSOM cortical sheet (V1) with afferent input and
// lateral excitation and inhibition (pylissom's ReducedLissom; Miikkulainen
// et al. 2005, "Computational Maps in the Visual Cortex").
// For an input x it computes the afferent drive once,
//
//	s = γA·(A·x),  n⁰ = f(s),
//
// then settles for SettlingSteps steps t = 1..T:
//
//	nᵗ = f(s + γE·(E·nᵗ⁻¹) − γI·(I·nᵗ⁻¹)),
//
// and returns n^T (with T = 9 the sigmoid is applied 10 times). The
// equation in pylissom's docstring (with a product E·I) is wrong; its code,
// followed here, is the reference.
type ReducedLissom struct {
	Afferent, Excitatory, Inhibitory *Linear
	Sigmoid                          PiecewiseSigmoid
	SettlingSteps                    int
	AfferentStrength                 float64
	ExcitatoryStrength               float64
	InhibitoryStrength               float64
	rec                              *Activity
	s, e, i                          []float64
}

// NewReducedLissom assembles a sheet from its three projections, checking
// that afferent.out == excitatory.in == inhibitory.in and that the lateral
// projections map the sheet onto itself (pylissom's check_compatible_mul).
func NewReducedLissom(afferent, excitatory, inhibitory *Linear, minTheta, maxTheta float64, settlingSteps int,
	afferentStrength, excitatoryStrength, inhibitoryStrength float64) (*ReducedLissom, error) {
	if afferent == nil || excitatory == nil || inhibitory == nil {
		return nil, fmt.Errorf("lissom: ReducedLissom needs afferent, excitatory and inhibitory modules, got a nil one")
	}
	n := afferent.OutFeatures()
	for _, m := range []struct {
		name string
		l    *Linear
	}{{"excitatory", excitatory}, {"inhibitory", inhibitory}} {
		if m.l.InFeatures() != n || m.l.OutFeatures() != n {
			return nil, fmt.Errorf("lissom: %s module maps %d -> %d, want %d -> %d (afferent out_features)",
				m.name, m.l.InFeatures(), m.l.OutFeatures(), n, n)
		}
	}
	if settlingSteps < 0 {
		return nil, fmt.Errorf("lissom: settling_steps = %d, want ≥ 0", settlingSteps)
	}
	for _, v := range []float64{afferentStrength, excitatoryStrength, inhibitoryStrength} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("lissom: strengths (%v, %v, %v), want finite numbers", afferentStrength, excitatoryStrength, inhibitoryStrength)
		}
	}
	s, err := NewPiecewiseSigmoid(minTheta, maxTheta)
	if err != nil {
		return nil, err
	}
	return &ReducedLissom{Afferent: afferent, Excitatory: excitatory, Inhibitory: inhibitory, Sigmoid: s,
		SettlingSteps: settlingSteps, AfferentStrength: afferentStrength,
		ExcitatoryStrength: excitatoryStrength, InhibitoryStrength: inhibitoryStrength}, nil
}

// InFeatures returns the number of afferent inputs.
func (v *ReducedLissom) InFeatures() int { return v.Afferent.InFeatures() }

// OutFeatures returns the number of cortical neurons.
func (v *ReducedLissom) OutFeatures() int { return v.Afferent.OutFeatures() }

func (v *ReducedLissom) node() *node {
	return &node{children: []namedModule{{"inhibitory_module", v.Inhibitory},
		{"excitatory_module", v.Excitatory}, {"afferent_module", v.Afferent}}, rec: &v.rec}
}

// Forward returns the settled activity for the afferent input x.
func (v *ReducedLissom) Forward(x []float64) ([]float64, error) {
	if err := checkVec("ReducedLissom input", x, v.InFeatures()); err != nil {
		return nil, err
	}
	y := make([]float64, v.OutFeatures())
	v.forward(y, x)
	return y, nil
}

func (v *ReducedLissom) forward(dst, x []float64) {
	n := v.OutFeatures()
	if len(v.s) != n {
		v.s, v.e, v.i = make([]float64, n), make([]float64, n), make([]float64, n)
	}
	s, e, inh := v.s, v.e, v.i
	v.Afferent.forward(s, x)
	for k := range s {
		s[k] *= v.AfferentStrength
		dst[k] = v.Sigmoid.At(s[k])
	}
	for t := 0; t < v.SettlingSteps; t++ {
		v.Excitatory.forward(e, dst)
		v.Inhibitory.forward(inh, dst)
		for k := range dst {
			dst[k] = v.Sigmoid.At(s[k] + v.ExcitatoryStrength*e[k] - v.InhibitoryStrength*inh[k])
		}
	}
	v.rec.store(x, dst)
}

// String prints the module as pylissom does.
func (v *ReducedLissom) String() string {
	return moduleRepr("ReducedLissom", []child{{"inhibitory_module", v.Inhibitory.String()},
		{"excitatory_module", v.Excitatory.String()}, {"afferent_module", v.Afferent.String()},
		{"piecewise_sigmoid", v.Sigmoid.String()}},
		strconv.Itoa(v.InFeatures())+" -> "+strconv.Itoa(v.OutFeatures())+
			", settling_steps="+strconv.Itoa(v.SettlingSteps)+
			", afferent_strength="+pyFloat(v.AfferentStrength)+
			", excitatory_strength="+pyFloat(v.ExcitatoryStrength)+
			", inhibitory_strength="+pyFloat(v.InhibitoryStrength))
}

// Lissom is the full model from retina to V1 (pylissom's Lissom): the ON and
// OFF LGN channels' outputs, each already in [0, 1], are added and fed to
// the cortical sheet: y = V1(On(x) + Off(x)).
type Lissom struct {
	On, Off *LGN
	V1      *ReducedLissom
	rec     *Activity
	a, b    []float64
}

// NewLissom assembles the model, checking that the channels have the same
// sizes and that V1's input is the LGN.
func NewLissom(on, off *LGN, v1 *ReducedLissom) (*Lissom, error) {
	if on == nil || off == nil || v1 == nil {
		return nil, fmt.Errorf("lissom: Lissom needs on, off and v1 modules, got a nil one")
	}
	if on.InFeatures() != off.InFeatures() || on.OutFeatures() != off.OutFeatures() {
		return nil, fmt.Errorf("lissom: ON channel maps %d -> %d but OFF maps %d -> %d, want equal sizes",
			on.InFeatures(), on.OutFeatures(), off.InFeatures(), off.OutFeatures())
	}
	if on.OutFeatures() != v1.InFeatures() {
		return nil, fmt.Errorf("lissom: LGN has %d units but V1 expects %d inputs", on.OutFeatures(), v1.InFeatures())
	}
	return &Lissom{On: on, Off: off, V1: v1}, nil
}

// InFeatures returns the number of retinal inputs.
func (m *Lissom) InFeatures() int { return m.On.InFeatures() }

// OutFeatures returns the number of V1 neurons.
func (m *Lissom) OutFeatures() int { return m.V1.OutFeatures() }

func (m *Lissom) node() *node {
	return &node{children: []namedModule{{"v1", m.V1}, {"off", m.Off}, {"on", m.On}}, rec: &m.rec}
}

// Forward returns V1's settled response to the retinal image x.
func (m *Lissom) Forward(x []float64) ([]float64, error) {
	if err := checkVec("Lissom input", x, m.InFeatures()); err != nil {
		return nil, err
	}
	y := make([]float64, m.OutFeatures())
	m.forward(y, x)
	return y, nil
}

// ForwardTo is Forward into dst (len OutFeatures()), without allocating.
func (m *Lissom) ForwardTo(dst, x []float64) error {
	if err := checkVec("Lissom input", x, m.InFeatures()); err != nil {
		return err
	}
	if err := checkVec("Lissom output", dst, m.OutFeatures()); err != nil {
		return err
	}
	m.forward(dst, x)
	return nil
}

func (m *Lissom) forward(dst, x []float64) {
	n := m.On.OutFeatures()
	if len(m.a) != n {
		m.a, m.b = make([]float64, n), make([]float64, n)
	}
	m.On.forward(m.a, x)
	m.Off.forward(m.b, x)
	for k := range m.a {
		m.a[k] += m.b[k]
	}
	m.V1.forward(dst, m.a)
	m.rec.store(x, dst)
}

// String prints the module as pylissom does.
func (m *Lissom) String() string {
	return moduleRepr("Lissom", []child{{"v1", m.V1.String()}, {"off", m.Off.String()}, {"on", m.On.String()}},
		strconv.Itoa(m.InFeatures())+" -> "+strconv.Itoa(m.OutFeatures()))
}
