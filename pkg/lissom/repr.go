package lissom

import (
	"math"
	"strconv"
	"strings"
)

// pyFloat formats v as Python's str(float): shortest round-trip digits, a
// ".0" on integral values, exponent form below 1e-4 and from 1e16.
func pyFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	if a := math.Abs(v); a != 0 && (a < 1e-4 || a >= 1e16) {
		s := strconv.FormatFloat(v, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[0]
		exp = strings.TrimLeft(exp[1:], "0")
		if len(exp) < 2 {
			exp = strings.Repeat("0", 2-len(exp)) + exp
		}
		return mant + "e" + string(sign) + exp
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// pyRadius formats a radius, None when there is no mask.
func pyRadius(r float64) string {
	if math.IsInf(r, 1) {
		return "None"
	}
	return pyFloat(r)
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// child is a named sub-module, as torch's Module._modules.
type child struct {
	name string
	s    string
}

// moduleRepr prints a container as torch 0.3/0.4's Module.__repr__: the
// class name, " (", each child on its own line indented by two spaces
// (nested lines by two more), then ")"; pylissom's classes replace that last
// ")" by ", extra)" when extra is not empty.
func moduleRepr(name string, children []child, extra string) string {
	var b strings.Builder
	b.WriteString(name + " (\n")
	for _, c := range children {
		b.WriteString("  (" + c.name + "): " + strings.ReplaceAll(c.s, "\n", "\n  ") + "\n")
	}
	if extra != "" {
		b.WriteString(", " + extra)
	}
	b.WriteString(")")
	return b.String()
}

// String prints the module as pylissom does, e.g.
// "Cortex (1296 -> 1296, sigma=16.64, radius=8.0)".
func (l *Linear) String() string {
	p := l.params
	s := l.kind.String() + " (" + strconv.Itoa(l.InFeatures()) + " -> " + strconv.Itoa(l.OutFeatures())
	switch l.kind {
	case GaussianLinear, GaussianCloudLinear:
		s += ", sigma=" + pyFloat(p.Sigma)
	case Cortex:
		s += ", sigma=" + pyFloat(p.Sigma) + ", radius=" + pyRadius(p.Radius)
	case DifferenceOfGaussiansLinear:
		s += ", sigma_surround=" + pyFloat(p.SigmaSurround) + ", sigma_center=" + pyFloat(p.SigmaCenter) +
			", radius=" + pyRadius(p.Radius) + ", on=" + pyBool(p.On)
	}
	// UnnormalizedDifferenceOfGaussiansLinear has no repr of its own in
	// pylissom: torch's Linear prints only the sizes.
	return s + ")"
}
