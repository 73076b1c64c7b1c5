package optim_test

import (
	"fmt"

	"github.com/receptive-go/receptive/pkg/optim"
)

// Adam's first step moves every parameter by about lr against the sign of
// its gradient, whatever the gradient's size.
func ExampleAdam() {
	p := []float64{1, 1}
	a := optim.NewAdam(0.01)
	_ = a.Step([][]float64{p}, [][]float64{{100, -0.001}})
	fmt.Printf("%.4f %.4f\n", p[0], p[1])
	// Output:
	// 0.9900 1.0100
}
