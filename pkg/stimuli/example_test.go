package stimuli_test

import (
	"fmt"

	"github.com/receptive-go/receptive/pkg/stimuli"
)

// The notebook's stimulus: a round blob of σ = 2 centred at (18, 18) on a
// 36×36 retina; and a bar, long along the columns (σy = 2.5), turned by
// 45° counter-clockwise so that it runs from lower left to upper right.
func Example() {
	img, err := stimuli.OrientedGaussian(36, 18, 18, 2, 2, 0)
	if err != nil {
		panic(err)
	}
	fmt.Printf("peak %.3f, one σ below %.3f\n", img[18*36+18], img[20*36+18])
	bar, _ := stimuli.OrientedGaussian(36, 18, 18, 0.75, 2.5, 45)
	fmt.Printf("upper left %.3f, upper right %.3f\n", bar[15*36+15], bar[15*36+21])
	// Output:
	// peak 1.000, one σ below 0.607
	// upper left 0.000, upper right 0.291
}
