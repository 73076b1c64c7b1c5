package ode_test

import (
	"context"
	"fmt"

	"github.com/receptive-go/receptive/pkg/ode"
)

// Example solves y' = −y on [0, 1] with SciPy's default tolerances: the
// same two steps, fourteen evaluations and y(1) as solve_ivp.
func Example() {
	p := ode.Problem{
		Func: func(dy []float64, _ float64, y []float64) { dy[0] = -y[0] },
		T0:   0, T1: 1,
		Y0: []float64{1},
	}
	res, err := ode.Solve(context.Background(), p, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Status == ode.Success, "steps", res.Steps, "nfev", res.NFev)
	fmt.Printf("t %.4f\ny(1) = %.15f\n", res.T, res.Y[len(res.Y)-1][0])
	// Output:
	// true steps 2 nfev 14
	// t [0.0000 0.1000 1.0000]
	// y(1) = 0.368090076476217
}

// ExampleSettings asks for the solution at chosen times only.
func ExampleSettings() {
	p := ode.Problem{
		Func: func(dy []float64, _ float64, y []float64) { dy[0], dy[1] = y[1], -y[0] },
		T0:   0, T1: 3.14159,
		Y0: []float64{1, 0},
	}
	res, err := ode.Solve(context.Background(), p, &ode.Settings{RTol: 1e-8, ATol: 1e-10, TEval: []float64{1.5707963, 3.14159}})
	if err != nil {
		panic(err)
	}
	for k, t := range res.T {
		fmt.Printf("y(%.4f) = (%.6f, %.6f)\n", t, res.Y[k][0], res.Y[k][1])
	}
	// Output:
	// y(1.5708) = (0.000000, -1.000000)
	// y(3.1416) = (-1.000000, -0.000003)
}
