package itd_test

import (
	"fmt"

	"github.com/receptive-go/receptive/datasets/itd"
)

// The first samples of the original's test set: the same IPDs and spikes
// as numpy's seeded stream gives.
func Example() {
	d, err := itd.New(8, itd.DefaultConfig())
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d samples × %d steps × %d inputs\n", d.Len(), d.NumSteps(), d.NumInputs())
	fmt.Printf("IPD[0] = %.6f rad, class %d of %d\n", d.IPD[0], d.Label(0), d.NumClasses)
	fmt.Printf("spike density %.3f\n", d.Density())
	// Output:
	// 8 samples × 100 steps × 200 inputs
	// IPD[0] = 1.356935 rad, class 11 of 12
	// spike density 0.226
}
