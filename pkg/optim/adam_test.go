package optim

import (
	"math"
	"testing"

	"github.com/receptive-go/receptive/internal/refdata"
	"gonum.org/v1/gonum/floats/scalar"
)

func TestAdamMatchesTorch(t *testing.T) {
	var g struct {
		P0, C, T   []float64
		LR         float64
		Trajectory [][]float64
	}
	refdata.JSON(t, "testdata/golden.json", &g)
	p := append([]float64(nil), g.P0...)
	grad := make([]float64, len(p))
	a := NewAdam(g.LR)
	for step, want := range g.Trajectory {
		for i := range p {
			grad[i] = 2*g.C[i]*(p[i]-g.T[i]) + 3*math.Cos(3*p[i])
		}
		if err := a.Step([][]float64{p}, [][]float64{grad}); err != nil {
			t.Fatal(err)
		}
		for i := range p {
			// Same formulas in float64; torch's kernels round a few
			// intermediate products in a different order.
			if !scalar.EqualWithinAbsOrRel(p[i], want[i], 1e-13, 1e-12) {
				t.Fatalf("step %d p[%d] = %.17g, torch %.17g", step+1, i, p[i], want[i])
			}
		}
	}
	if a.Steps() != len(g.Trajectory) {
		t.Errorf("Steps() = %d", a.Steps())
	}
}

func TestAdamErrors(t *testing.T) {
	a := NewAdam(0.1)
	if err := a.Step([][]float64{{1}}, nil); err == nil {
		t.Error("missing gradient accepted")
	}
	if err := a.Step([][]float64{{1, 2}}, [][]float64{{1}}); err == nil {
		t.Error("gradient of the wrong length accepted")
	}
	bad := NewAdam(-1)
	if err := bad.Step([][]float64{{1}}, [][]float64{{1}}); err == nil {
		t.Error("negative learning rate accepted")
	}
	if err := (SGD{LR: 0.5}).Step([][]float64{{1}}, [][]float64{{2}}); err != nil {
		t.Error(err)
	}
}
