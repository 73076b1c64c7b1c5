package nprand_test

import (
	"fmt"

	"github.com/receptive-go/receptive/pkg/nprand"
)

// The first values of np.random.seed(32844534); np.random.rand(3).
func Example() {
	r := nprand.New(32844534)
	fmt.Println(r.Float64(), r.Float64(), r.Float64())
	// Output:
	// 0.9319258052984507 0.034117286979708394 0.26179293864142106
}
